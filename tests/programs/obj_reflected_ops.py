# Reflected operators and NotImplemented fallback rules.
log = []
class L:
    def __add__(self, o):
        log.append("L.__add__")
        return NotImplemented
    def __radd__(self, o):
        log.append("L.__radd__")
        return "L-radd"
class R:
    def __add__(self, o):
        log.append("R.__add__")
        return NotImplemented
    def __radd__(self, o):
        log.append("R.__radd__")
        return "R-radd"

print(L() + R(), log); log.clear()
print(1 + L(), log); log.clear()
try:
    L() + 1
except TypeError as e:
    print(type(e).__name__, e, log)
log.clear()

class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__ (subclass wins)"
print(Base() + Derived())
print(Derived() + Base())

class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        if isinstance(o, Money):
            return Money(self.v + o.v)
        if isinstance(o, int):
            return Money(self.v + o)
        return NotImplemented
    __radd__ = __add__
    def __repr__(self):
        return f"Money({self.v})"
print(Money(1) + Money(2), Money(1) + 5, 5 + Money(1), sum([Money(1), Money(2), Money(3)]))
try:
    Money(1) + "x"
except TypeError as e:
    print(type(e).__name__, e)

class Scalar:
    def __init__(self, v):
        self.v = v
    def __rsub__(self, o):
        return f"rsub: {o} - {self.v} = {o - self.v}"
    def __rtruediv__(self, o):
        return o / self.v
    def __rpow__(self, o):
        return o ** self.v
    def __rmod__(self, o):
        return "rmod"
    def __rfloordiv__(self, o):
        return "rfloordiv"
    def __rmatmul__(self, o):
        return "rmatmul"
    def __rlshift__(self, o):
        return "rlshift"
    def __rand__(self, o):
        return "rand"
print(10 - Scalar(3), 9 / Scalar(3), 2 ** Scalar(5), 7 % Scalar(1), 7 // Scalar(1), 1 @ Scalar(1), 1 << Scalar(1), 1 & Scalar(1))

class OnlyIadd:
    def __init__(self):
        self.n = 0
    def __add__(self, o):
        r = OnlyIadd()
        r.n = self.n + o
        print("used __add__ fallback for +=")
        return r
x = OnlyIadd()
y = x
x += 5
print(x.n, y.n, x is y)

class Eq:
    def __eq__(self, o):
        log.append("Eq.__eq__")
        return NotImplemented
print(Eq() == Eq(), log); log.clear()
e = Eq()
print(e == e, e != e, log); log.clear()
class Lt:
    def __lt__(self, o):
        return "Lt.__lt__"
    def __gt__(self, o):
        return "Lt.__gt__"
print(Lt() < 1, 1 < Lt(), 1 > Lt(), Lt() > Lt())
class NumLike:
    def __mul__(self, o):
        return NotImplemented
try:
    NumLike() * NumLike()
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] * NumLike()
except TypeError as e:
    print(type(e).__name__, e)
