# Decorators: plain, with arguments, stacked, class decorators.
import functools

calls = []

def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {result}")
        return result
    return wrapper

@trace
def add(a, b):
    "Add two numbers."
    return a + b

add(2, 3)
add("x", "y")
print(add.__name__, add.__doc__, calls)
print(add.__wrapped__(10, 20))

def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name

print(hello("bo"))
print(hello.__name__)

def tag(label):
    def deco(fn):
        def wrapper():
            return f"<{label}>{fn()}</{label}>"
        return wrapper
    return deco

@tag("b")
@tag("i")
def text():
    return "word"

print(text())

order = []
def mark(n):
    order.append(f"factory {n}")
    def deco(fn):
        order.append(f"apply {n}")
        return fn
    return deco

@mark(1)
@mark(2)
@mark(3)
def target():
    pass
print(order)

registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls

@register
class Alpha:
    pass

@register
class Beta:
    pass

print(list(registry))

def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get

@singleton
class Config:
    def __init__(self, v):
        self.v = v

a = Config(1)
b = Config(2)
print(a is b, a.v, b.v)

def counted(fn):
    def wrapper(*a):
        wrapper.count += 1
        return fn(*a)
    wrapper.count = 0
    return wrapper

@counted
def noop():
    pass
for _ in range(4):
    noop()
print(noop.count)

# decorator expression can be arbitrary (PEP 614)
decos = [trace]
@decos[0]
def mul(a, b):
    return a * b
mul(6, 7)
