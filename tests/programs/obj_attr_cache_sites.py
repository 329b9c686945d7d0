# One attribute instruction seeing many classes (more than the cache holds), and
# every kind of entry changing under it: instance dicts, class attributes, methods
# shadowed by instance attributes, properties, slots, and classes modified in place.


class Base:
    tag = "base"

    def __init__(self, n):
        self.n = n

    def kind(self):
        return "method of " + type(self).__name__


def make(i):
    return type(f"K{i}", (Base,), {"tag": f"k{i}"})


classes = [make(i) for i in range(7)]


def read(o):
    return o.n, o.tag, o.kind()


def write(o, v):
    o.n = v


for rnd in range(3):
    out = []
    for i, cls in enumerate(classes):
        o = cls(i)
        write(o, i * 10 + rnd)
        out.append(read(o))
    print(rnd, out[0], out[-1], len(out))

# Shadowing a method through the instance dict, then removing the shadow.
o = classes[0](1)
print(read(o)[2])
o.kind = lambda: "shadowed"
print(read(o)[2])
del o.kind
print(read(o)[2])

# Changing a class attribute and a method after the sites are warm.
classes[1].tag = "changed"
classes[1].kind = lambda self: "replaced"
print(read(classes[1](5)))
del classes[1].kind
print(read(classes[1](5)))
Base.kind = lambda self: "new base method"
print([read(c(0))[2] for c in classes[:3]])


class WithSlots:
    __slots__ = ("n", "extra")
    tag = "slots"

    def __init__(self, n):
        self.n = n

    def kind(self):
        return "slots method"


class WithProperty:
    tag = "prop"

    def __init__(self, n):
        self._n = n

    @property
    def n(self):
        return self._n * 2

    @n.setter
    def n(self, v):
        self._n = v + 1

    def kind(self):
        return "prop method"


for o in [WithSlots(3), WithProperty(3), classes[2](3), WithSlots(4), WithProperty(4)]:
    write(o, 7)
    print(type(o).__name__, read(o))

s = WithSlots(1)
try:
    s.extra
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)


# A class whose attribute becomes a property after its sites have cached it.
class Late:
    def __init__(self):
        self.n = 1
        self.tag = "late"

    def kind(self):
        return "late method"


a = Late()
print(read(a))
Late.n = property(lambda self: 99)
try:
    print(read(a))
except Exception as e:
    print(type(e).__name__)
try:
    Late()
except AttributeError as e:
    print("AttributeError:", e)
