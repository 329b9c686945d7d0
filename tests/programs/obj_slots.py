# __slots__.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p = Point(1, 2)
print(p, p.x, p.y)
p.x = 10
print(p)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "__dict__"), Point.__slots__)
del p.y
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 5
print(p)

class Point3(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
p3 = Point3(1, 2, 3)
print(p3.x, p3.y, p3.z, hasattr(p3, "__dict__"))
try:
    p3.w = 1
except AttributeError as e:
    print(type(e).__name__, e)

class Free(Point):
    pass
f = Free(0, 0)
f.anything = "allowed"
print(f.anything, hasattr(f, "__dict__"), vars(f))

class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, vars(w))

class Unset:
    __slots__ = ("value",)
u = Unset()
try:
    u.value
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Point.__dict__["x"]).__name__)

class Single:
    __slots__ = "only"
s = Single()
s.only = "one"
print(s.only, Single.__slots__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(type(e).__name__, e)
