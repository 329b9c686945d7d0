# Attribute loads, method calls and stores in hot loops, with the classes changed
# under them: every change must be seen at once (run with the optimizer, each loop
# is compiled; the expected output is CPython's).


class Base:
    rate = 2

    def step(self, x):
        return x + self.rate


class Point(Base):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2


class Other:
    rate = 100

    def step(self, x):
        return -x

    def norm(self):
        return 0


def loads(n):
    ps = [Point(i, i + 1) for i in range(7)]
    total = 0
    for i in range(n):
        p = ps[i % 7]
        total += p.x + p.y + Point.rate + p.norm() + p.step(i)
        if i == 300:
            Base.rate = 5  # seen through the subclass
        if i == 600:
            Point.norm = lambda self: -1  # monkey-patched
        if i == 700:
            p.norm = lambda: 1000  # the instance dict shadows the method
        if i == 800:
            del Point.norm  # found in the base now
            Base.norm = lambda self: 3
        if i == 900:
            Point.__bases__ = (Other,)
        if i == 950:
            p.__class__ = Other
    return total


def stores(n):
    s = Slotted()
    p = Point(0, 0)
    for i in range(n):
        s.a = s.a + s.b
        p.x = p.x + 1
        p.y = i
        if i == 500:
            s.b = 3
        if i == 600:
            del p.y
            p.y = -5
    return s.a, s.b, p.x, p.y


def builtin_methods(n):
    out = []
    seen = {}
    for i in range(n):
        out.append(i % 5)
        seen.setdefault(i % 3, i)
        if i == 400:
            out = list(out)
    return len(out), sum(out), sorted(seen.items())


def missing(n):
    p = Point(1, 2)
    got = 0
    for i in range(n):
        got += p.x
        if i == 250:
            del p.x
            try:
                p.x
            except AttributeError as e:
                print("AttributeError:", e)
            p.x = 10
    return got


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    value = 7


def class_attrs(n):
    total = 0
    for i in range(n):
        total += WithMeta.value + Other.rate
        if i == 100:
            WithMeta.value = 8
        if i == 200:
            Other.rate = 1
    return total


print(loads(1000))
print(stores(1000))
print(builtin_methods(1000))
print(missing(500))
print(class_attrs(300))
