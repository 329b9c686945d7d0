# type() with one and three arguments; classes as objects.
print(type(1), type("s"), type([]), type(None), type(type), type(len), type(lambda: 0))
print(type(1).__name__, type(1.0).__name__, type({}).__name__, type(()).__name__, type(range(1)).__name__)
print(type(1) is int, type(True) is bool, type(True) == int, isinstance(True, int))

def init(self, x):
    self.x = x
def describe(self):
    return f"{type(self).__name__}(x={self.x})"

Point = type("Point", (), {"__init__": init, "describe": describe, "dims": 2})
p = Point(5)
print(p.describe(), Point.dims, Point.__name__, Point.__bases__[0].__name__, type(p).__name__)

Point3 = type("Point3", (Point,), {"dims": 3, "z": 0})
p3 = Point3(1)
print(p3.describe(), p3.dims, p3.z, isinstance(p3, Point), [c.__name__ for c in Point3.__mro__])

Empty = type("Empty", (), {})
e = Empty()
e.anything = 1
print(vars(e), Empty.__qualname__, Empty.__module__)

def make_class(name, **fields):
    def __init__(self, **kw):
        for k, default in fields.items():
            setattr(self, k, kw.get(k, default))
    def __repr__(self):
        inner = ", ".join(f"{k}={getattr(self, k)!r}" for k in fields)
        return f"{name}({inner})"
    return type(name, (), {"__init__": __init__, "__repr__": __repr__})

Car = make_class("Car", make="?", wheels=4)
print(Car(), Car(make="VW"), Car(wheels=3, make="Reliant"))

class Meta:
    pass
classes = [int, str, list, Meta]
print([c.__name__ for c in classes], [c() for c in classes[:3]])
cls = Meta
obj = cls()
print(type(obj) is Meta, obj.__class__ is cls)
print(isinstance(Meta, type), isinstance(int, type), type(Meta) is type)
try:
    type("Bad", (5,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("a", "b")
except TypeError as e:
    print(type(e).__name__, e)
print(object.__name__, object.__bases__, type.__bases__[0].__name__)
Attrs = type("Attrs", (), {"a": 1, "b": staticmethod(lambda: "static"), "c": classmethod(lambda cls: cls.__name__)})
print(Attrs.a, Attrs.b(), Attrs.c(), sorted(k for k in vars(Attrs) if not k.startswith("__")))
print(callable(Point), callable(p), Point.__dict__["dims"])
