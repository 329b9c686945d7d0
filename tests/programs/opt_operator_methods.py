"""Binary operators on instances of Python classes in hot loops: the methods the
operators call, with NotImplemented, reflected methods, subclasses, methods
replaced mid-loop, a class reassigned and errors raised inside a method."""

import traceback


class V:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __add__(self, o):
        if o.x == -999:
            return NotImplemented
        return V(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        # Ints past 64 bits leave compiled code inside the method; the frame is
        # rebuilt and the interpreter returns NotImplemented from it.
        if self.x * k > 10**30:
            return NotImplemented
        return V(self.x * k, self.y * k)

    def __truediv__(self, k):
        return V(self.x / k, self.y / k)

    def __repr__(self):
        return f"V({self.x}, {self.y})"


class W:
    def __init__(self, x):
        self.x = x
        self.y = x

    def __rsub__(self, o):
        return V(o.x - 100 * self.x, o.y)


class SubV(V):
    __slots__ = ()

    def __rsub__(self, o):
        return "SubV.__rsub__ first"


def last_frame(e):
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    return tb.tb_frame.f_code.co_name, tb.tb_lineno


def steady(n):
    acc = V(0, 0)
    d = V(3, 4)
    for i in range(n):
        acc = acc + (d - V(1, 1)) * 2
        acc = acc - V(i, 0) / 1
    return acc


print("steady", steady(3000))


def not_implemented_at_end(n):
    acc = V(0, 0)
    for i in range(n):
        acc = acc + V(-999 if i == n - 1 else 1, 0)
    return acc


for f, args in ((not_implemented_at_end, (3000,)),):
    try:
        f(*args)
    except TypeError as e:
        print("TypeError:", e, last_frame(e))


def rebuilt_then_not_implemented(n):
    acc = V(1, 1)
    k = 1
    for i in range(n):
        k = k * 3 if i > n - 60 else 1
        acc = acc * k
    return acc


try:
    rebuilt_then_not_implemented(3000)
except TypeError as e:
    print("TypeError:", e, last_frame(e))


def mixed(n):
    out = []
    for i in range(n):
        v = V(i, i)
        other = W(1) if i % 500 == 499 else V(1, 1)
        if i == n - 1:
            other = SubV(1, 1)
        out.append(v - other)
    return out[-3:], sum(1 for r in out if isinstance(r, V))


print("mixed", mixed(3000))


def replaced_mid_loop(n):
    acc = V(0, 0)
    for i in range(n):
        if i == n // 2:
            V.__sub__ = lambda self, o: V(self.x - 2 * o.x, self.y)
        acc = acc - V(1, 1)
    return acc


original_sub = V.__sub__
print("replaced", replaced_mid_loop(3000))
V.__sub__ = original_sub


class Loud(V):
    __slots__ = ()

    def __sub__(self, o):
        return V(-1, -1)


def class_reassigned(n):
    acc = V(0, 0)
    last = None
    for i in range(n):
        a = V(i, i)
        if i == n - 10:
            a.__class__ = Loud
        last = a - V(1, 1)
        acc = acc + last
    return acc, last


print("reassigned", class_reassigned(3000))


def divide(n):
    acc = V(0.0, 0.0)
    for i in range(n):
        acc = acc + V(1.0, 1.0) / (n - 1 - i)
    return acc


try:
    divide(3000)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, last_frame(e))
    print("".join(traceback.format_exception(e)).count("__truediv__"))


def with_floats(n):
    acc = V(0.0, 0.0)
    for i in range(n):
        acc = acc + V(0.5, 0.25) * 2.0
        acc = acc - V(0.25, 0.0) * 3
    return acc


print("floats", with_floats(3000))
