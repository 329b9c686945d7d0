# Built-in calls inside inlined functions: math functions and the computing
# builtins run on numbers and strs without leaving the unit; any other argument
# (an object whose __float__ or __index__ is Python code, which must see every
# frame) leaves the unit first; errors they raise name every frame; a builtin
# shadowed by a Python function mid-loop is seen at once.
import math
import sys
import traceback
from math import sqrt, sin


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return sqrt(self.x * self.x + self.y * self.y)

    def angle(self):
        return round(math.atan2(self.y, self.x), 6)


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def label(n):
    return chr(ord("a") + n % 26) + str(len("xyz"))


def norms(n):
    total = 0.0
    angles = 0.0
    for i in range(n):
        v = Vec(i % 7, i % 5)
        total += v.norm() + clamp(i, 10, 20) + abs(-i) + divmod(i, 7)[1]
        angles += v.angle() + sin(i % 3)
    return round(total, 6), round(angles, 6), label(n)


class Weird:
    def __float__(self):
        # Python code called by a builtin sees the inlined caller's frame.
        return float(sys._getframe(1).f_code.co_name == "root")


def root(x):
    return sqrt(x)


def weird_arguments(n):
    values = [i if i % 100 else Weird() for i in range(n)]
    total = 0.0
    for v in values:
        total += root(v)
    return total


def domain_errors(n):
    total = 0.0
    for i in range(n):
        try:
            total += root(n // 2 - i)
        except ValueError as e:
            if i == n - 1:
                print("ValueError", e)
                for frame in traceback.extract_tb(e.__traceback__):
                    print(frame.name, frame.lineno, frame.line)
    return round(total, 6)


def shadowed(n):
    global abs
    total = 0
    for i in range(n):
        if i == n // 2:
            abs = lambda x: 1000
        total += clamp(abs(-i), 0, 5000)
    del abs
    return total


print(norms(20000))
print(weird_arguments(20000))
print(domain_errors(20000))
print(shadowed(20000))
