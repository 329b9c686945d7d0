# super() calls and closures in compiled loops: the method super() finds is
# specialised per receiver class and kept true by type watchers (a base's method
# replaced, __bases__ assigned mid-loop), the global `super` is watched, and an
# inlined closure reads its cells as they are now.
import builtins
import traceback


class Base:
    def __init__(self, a):
        self.a = a

    def m(self, x):
        return x + self.a


class Mixin(Base):
    def m(self, x):
        return x * 2


class Derived(Base):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b

    def m(self, x):
        return super().m(x) + self.b


class Deeper(Derived):
    def m(self, x):
        return super().m(x) - 1


def build(n):
    total = 0
    for i in range(n):
        d = Derived(i, 1)
        total += d.a + d.b
    return total


def call(objs, n):
    total = 0
    for i in range(n):
        for o in objs:
            total += o.m(i)
    return total


print(build(3000))
objs = [Derived(2, 3), Deeper(5, 7)]
print(call(objs, 1500))


def patching(n):
    total = 0
    d = Derived(1, 1)
    for i in range(n):
        if i == n // 2:
            Base.m = lambda self, x: x * 100
        total += d.m(i)
    return total


print(patching(3000))
Base.m = lambda self, x: x + self.a


def rebasing(n):
    total = 0
    d = Derived(1, 1)
    for i in range(n):
        if i == n // 3:
            Derived.__bases__ = (Mixin,)
        total += d.m(i)
    return total


print(rebasing(3000))
Derived.__bases__ = (Base,)


def shadowing(n):
    total = 0
    d = Derived(1, 1)
    for i in range(n):
        if i == n - 10:
            builtins.super = lambda *a: None
        try:
            total += d.m(i)
        except AttributeError as e:
            total -= 1
    return total


real_super = super
print(shadowing(3000))
builtins.super = real_super


class Raises(Base):
    def m(self, x):
        return super().m(x) // (x - 2000)


def raising(n):
    r = Raises(1)
    total = 0
    for i in range(n):
        total += r.m(i)
    return total


try:
    raising(3000)
except ZeroDivisionError as e:
    for frame in traceback.extract_tb(e.__traceback__):
        name = frame.filename.rsplit("/", 1)[-1]
        print(name, frame.lineno, frame.name, frame.line, frame.colno, frame.end_colno)


def closures(n):
    k = 1

    def add(x):
        return x + k

    def bump():
        nonlocal k
        k += 10

    total = 0
    for i in range(n):
        if i % 1000 == 999:
            bump()
        total += add(i)
    return total


print(closures(5000))


def make_adder(k):
    def add(x):
        return x + k
    return add


def many_closures(n):
    total = 0
    for i in range(n):
        total += make_adder(i % 7)(i)
    return total


print(many_closures(3000))
