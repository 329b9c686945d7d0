# Uncaught NameError after some output.
def greet(name):
    return "hello " + name

print(greet("world"))
values = [1, 2, 3]
print(sum(values))
print(undefined_total + 1)
print("never printed")
