# Class attributes vs instance attributes, shadowing, mutation through instances.
class Config:
    defaults = {"debug": False}
    count = 0
    items = []
    def __init__(self, name):
        self.name = name
        Config.count += 1

a = Config("a")
b = Config("b")
print(Config.count, a.count, b.count)
a.count = 100
print(Config.count, a.count, b.count, "count" in vars(a), "count" in vars(b))
del a.count
print(a.count)
a.items.append("shared!")
print(b.items, Config.items)
b.items = ["own"]
print(a.items, b.items)
Config.new_attr = "added later"
print(a.new_attr, b.new_attr)
print(sorted(k for k in vars(Config) if not k.startswith("__")))
print(vars(a), vars(b))
print(Config.__name__, Config.__dict__["count"], type(Config.__dict__).__name__)

class Shape:
    sides = 0
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides"
class Triangle(Shape):
    sides = 3
class Square(Shape):
    sides = 4
print([s().describe() for s in (Shape, Triangle, Square)])
Shape.sides = -1
print(Shape().describe(), Triangle().describe())

class Doc:
    """Class docstring."""
    attr: int = 5
print(Doc.__doc__, Doc.attr, Doc.__annotations__)
class Counter:
    total = 0
    @classmethod
    def incr(cls):
        cls.total += 1
        return cls.total
class SubCounter(Counter):
    pass
print(Counter.incr(), Counter.incr(), SubCounter.incr(), Counter.total, SubCounter.total)
class NameInBody:
    x = 10
    y = x * 2
    z = [x] * 2
    def get_x(self):
        return self.x
print(NameInBody.y, NameInBody.z, NameInBody().get_x())
inst = NameInBody()
inst.__class__.x = 99
print(NameInBody.x, inst.get_x())
print(hasattr(Config, "name"), hasattr(a, "name"), getattr(Config, "count"))
o = Config("c")
o.__dict__["direct"] = True
print(o.direct, sorted(o.__dict__))
