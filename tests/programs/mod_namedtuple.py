# collections.namedtuple.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
x, y = p
print(x, y, p == (1, 2), p == Point(1, 2), isinstance(p, tuple), hash(p) == hash((1, 2)))
print(Point._fields, Point.__name__, type(p).__name__)
p2 = p._replace(y=20)
print(p, p2, p._asdict(), type(p._asdict()).__name__)
print(Point._make([5, 6]), Point(y=9, x=8), Point(*range(2)))
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p._replace(z=1)
except TypeError as e:
    print(type(e).__name__, e)
Person = namedtuple("Person", "name age city", defaults=["Nowhere"])
print(Person("Ann", 30), Person("Bob", 25, "Paris"), Person._field_defaults)
Opt = namedtuple("Opt", "a b c", defaults=(2, 3))
print(Opt(1), Opt(1, 5), Opt._field_defaults)
Row = namedtuple("Row", "id, label")
print(Row(1, "one"), Row._fields)
class Vector(namedtuple("Vector", "x y")):
    __slots__ = ()
    def __add__(self, o):
        return Vector(self.x + o.x, self.y + o.y)
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
v = Vector(1, 2) + Vector(3, 4)
print(v, v.norm2, type(v).__name__)
people = [Person("Cy", 40), Person("Al", 22), Person("Bo", 31)]
print(sorted(people, key=lambda q: q.age))
print(max(people, key=lambda q: q.name).name, [q.name for q in people if q.age > 25])
print(p.count(1), p.index(2), p + (3,), p * 2)
