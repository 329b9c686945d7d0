# Default arguments and keyword arguments.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Yo"))

def append_to(x, acc=[]):
    acc.append(x)
    return acc

print(append_to(1), append_to(2))
print(append_to(3, []))
print(append_to.__defaults__)

def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc

print(safe_append(1), safe_append(2))

counter = 5
def capture(v=counter):
    return v
counter = 99
print(capture())

def mixed(a, b=2, *rest, c, d=4, **kw):
    return a, b, rest, c, d, kw

print(mixed(1, c=3))
print(mixed(1, 5, 6, 7, c=8, e=9))
print(mixed(a=1, c=2, z=26))

def positional_only(a, b, /, c=3):
    return a + b + c

print(positional_only(1, 2))
print(positional_only(1, 2, c=10))
try:
    positional_only(a=1, b=2)
except TypeError as e:
    print(type(e).__name__, e)

def kwargs_named_like_posonly(a, /, **kw):
    return a, kw
print(kwargs_named_like_posonly(1, a=2))

print(mixed.__defaults__, mixed.__kwdefaults__)
print(greet.__defaults__)
print(positional_only.__code__.co_argcount, positional_only.__code__.co_posonlyargcount)
