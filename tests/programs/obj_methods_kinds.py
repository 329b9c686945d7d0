# staticmethod, classmethod, instance methods, bound methods.
class Pizza:
    count = 0
    def __init__(self, toppings):
        self.toppings = list(toppings)
        Pizza.count += 1
    @classmethod
    def margherita(cls):
        return cls(["mozzarella", "tomato"])
    @classmethod
    def how_many(cls):
        return f"{cls.__name__}: {cls.count}"
    @staticmethod
    def area(radius):
        return round(3.14159 * radius ** 2, 2)
    def describe(self):
        return f"Pizza with {', '.join(self.toppings)}"

p = Pizza.margherita()
print(p.describe(), Pizza.area(10), p.area(1), Pizza.how_many(), p.how_many())

class Calzone(Pizza):
    pass
c = Calzone.margherita()
print(type(c).__name__, Calzone.how_many(), c.describe())

bound = p.describe
print(bound(), bound.__self__ is p, bound.__func__ is Pizza.describe)
unbound = Pizza.describe
print(unbound(c))
print(type(Pizza.__dict__["area"]).__name__, type(Pizza.__dict__["margherita"]).__name__)
print(type(Pizza.area).__name__, type(Pizza.margherita).__name__, type(p.describe).__name__)
print(Pizza.__dict__["area"].__func__(2))

class Util:
    def no_self():
        return "called via class"
print(Util.no_self())
try:
    Util().no_self()
except TypeError as e:
    print(type(e).__name__, e)

sm = staticmethod(lambda x: x * 3)
class Late:
    triple = sm
    make = classmethod(lambda cls, v: (cls.__name__, v))
print(Late.triple(3), Late().triple(4), Late.make(1), Late().make(2))

def external(self):
    return f"external on {type(self).__name__}"
Pizza.external = external
print(p.external())
p.instance_fn = lambda: "instance attribute, no self"
print(p.instance_fn())
print(p.describe == p.describe, p.describe is p.describe)
methods = [Pizza.area, Pizza.margherita, p.describe]
print([callable(m) for m in methods])
class WithCall:
    @classmethod
    def create(cls, *args):
        obj = cls()
        obj.args = args
        return obj
print(WithCall.create(1, 2).args)
