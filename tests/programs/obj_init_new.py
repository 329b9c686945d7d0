# __init__ and __new__.
class Tracked:
    def __new__(cls, *args, **kwargs):
        print("__new__", cls.__name__, args, kwargs)
        inst = super().__new__(cls)
        inst.created_by_new = True
        return inst
    def __init__(self, value, label="none"):
        print("__init__", value, label)
        self.value = value
        self.label = label

t = Tracked(5, label="five")
print(t.value, t.label, t.created_by_new)

class Other:
    pass

class ReturnsOther:
    def __new__(cls):
        print("ReturnsOther.__new__ returning a different type")
        return Other()
    def __init__(self):
        print("this __init__ must not run")
ro = ReturnsOther()
print(type(ro).__name__)

class Singleton:
    _instance = None
    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.inits = 0
        return cls._instance
    def __init__(self):
        self.inits += 1
a = Singleton()
b = Singleton()
print(a is b, a.inits)

class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
print(Upper("shout"), type(Upper("x")).__name__)

class Positive(int):
    def __new__(cls, v):
        if v <= 0:
            raise ValueError(f"not positive: {v}")
        return super().__new__(cls, v)
print(Positive(3) + 4)
try:
    Positive(-1)
except ValueError as e:
    print(type(e).__name__, e)

class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(type(e).__name__, e)

class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print(type(e).__name__, e)

class InitOnly:
    def __init__(self, a, b):
        self.total = a + b
try:
    InitOnly(1)
except TypeError as e:
    print(type(e).__name__, e)
print(InitOnly(2, 3).total)
obj = InitOnly.__new__(InitOnly)
print(hasattr(obj, "total"))
obj.__init__(10, 20)
print(obj.total)

class Base:
    def __init__(self):
        self.base_ran = True
class Child(Base):
    def __init__(self):
        self.child_ran = True
c = Child()
print(vars(c))
class Child2(Base):
    pass
print(vars(Child2()))
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
print(type(object()).__name__, isinstance(object(), object))
