# Keyword calls to plain Python functions: every way a keyword lands in a
# parameter's slot, defaults filling the rest, and each error CPython reports.


def f(a, b=1, c=2):
    return a, b, c


def g(a, /, b, *, c, d=4):
    return a, b, c, d


def gen(a, b=0, *, step=1):
    for i in range(a, b, step):
        yield i


class K:
    def m(self, x, y=10, *, z=20):
        return self.__class__.__name__, x, y, z


def show(call):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)


for i in range(3):
    show(lambda: f(i, c=3))
    show(lambda: f(a=i))
    show(lambda: f(c=i, a=5, b=6))
    show(lambda: g(1, b=2, c=3))
    show(lambda: g(1, 2, c=3, d=i))
show(lambda: list(gen(0, 6, step=2)))
show(lambda: list(gen(b=3, a=0)))
show(lambda: K().m(1, z=3))
show(lambda: K().m(x=1, y=2))
show(lambda: K.m(K(), 5, z=0))

# Errors: each goes through the general binding, which words them.
show(lambda: f(1, a=2))
show(lambda: f(b=2))
show(lambda: f(1, d=2))
show(lambda: g(a=1, b=2, c=3))
show(lambda: g(1, 2, 3))
show(lambda: g(1, b=2))
show(lambda: f(1, b=2, **{"b": 3}))

# Defaults changed after definition, including more defaults than parameters.
f.__defaults__ = (7, 8, 9)
show(lambda: f(c=0))
show(lambda: f(1, c=0))
f.__defaults__ = None
show(lambda: f(1, c=0))
g.__kwdefaults__ = {"c": 30}
show(lambda: g(1, b=2))
g.__kwdefaults__ = None
show(lambda: g(1, b=2))


def many(p0, p1=1, p2=2, p3=3, p4=4, p5=5, p6=6, p7=7, p8=8, p9=9):
    return p0 + p1 + p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9


print(many(0, p9=100, p5=50, p1=10))
print(sum(many(i, p3=i) for i in range(100)))


# Class calls whose __init__ takes keywords.
class P:
    def __init__(self, x, y=0, *, z=1):
        self.x, self.y, self.z = x, y, z

    def __repr__(self):
        return f"P({self.x}, {self.y}, z={self.z})"


class Bad:
    def __init__(self, v=None):
        return v


print([P(i, z=i * 2) for i in range(3)], P(y=5, x=4), P(1, 2, z=3))
show(lambda: P(1, q=2))
show(lambda: P(z=2))
show(lambda: P(1, x=2))
show(lambda: type(Bad(v=None)).__name__)
show(lambda: Bad(v=3))
