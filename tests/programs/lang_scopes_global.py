# Module, function and class scopes; the global statement.
counter = 0
name = "module"

def read_global():
    return counter, name

def bump():
    global counter
    counter += 1
    return counter

def shadow():
    name = "local"
    return name

def make_global():
    global created_later
    created_later = "made inside function"

print(read_global())
print(bump(), bump(), bump())
print(counter)
print(shadow(), name)
make_global()
print(created_later)

class Box:
    name = "class attr"
    seen = name + "!"
    def method(self):
        # class scope is not visible from methods
        return name

print(Box.name, Box.seen, Box().method())

def unbound():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print(type(e).__name__, e)

unbound()

x = 10
def outer():
    x = 20
    def inner():
        global x
        x = 30
        return x
    r = inner()
    return r, x

print(outer(), x)

# comprehension has its own scope for the loop variable
i = "outer i"
squares = [i * i for i in range(4)]
print(squares, i)

# class body cannot see enclosing class names in comprehensions except the iterable
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)

def f():
    return "f-result"
g = f
del f
print(g())
try:
    f()
except NameError as e:
    print(type(e).__name__, e)

for k in ["counter", "name", "created_later", "nope"]:
    print(k, k in globals())
