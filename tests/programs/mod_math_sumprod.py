# math.sumprod: exact int runs, extended-precision float runs, the generic
# fallback for other types, and CPython's errors.
import math


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __mul__(self, n):
        return Money(self.cents * n)

    def __radd__(self, other):
        return Money(other + self.cents) if isinstance(other, int) else NotImplemented

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __repr__(self):
        return f"Money({self.cents})"


print(math.sumprod([1, 2, 3], [4, 5, 6]))
print(math.sumprod([0.1] * 10, [1.0] * 10), sum([0.1] * 10))
print(math.sumprod([1e100, 1.0, -1e100], [1.0, 1.0, 1.0]))
print(math.sumprod([1, 2.5, True], [3, 2, 2.5]))
print(math.sumprod([2**62, 2**62], [4, 4]))
print(math.sumprod([2**100, 3], [2, 0.5]))
print(math.sumprod([], []))
print(math.sumprod([Money(5), Money(7)], [3, 2]))
print(math.sumprod([float('inf'), 1.0], [1.0, 2.0]))
print(math.sumprod([float('inf'), 1.0], [0.0, 2.0]))
print(math.sumprod(iter([1.5, 2]), (2, 3)))
print(math.sumprod([1, 2, 0.25, 3], [1, 1, 3, 2]))
print(math.sumprod([1.1, 2.2, 3.3], [1e16, 1e16, -1e16]))
print(math.sumprod(range(1000), range(1000)))
print(math.sumprod([True, False, True], [True, True, True]))

cases = [
    ((1, 2), (1,)),
    ((1,), (1, 2)),
    (1, [1]),
    ([1], 1),
    (['a'], [2]),
    (['a'], ['b']),
    ([None], [1.0]),
]
for p, q in cases:
    try:
        print(math.sumprod(p, q))
    except Exception as e:
        print(type(e).__name__, e)
for args in [([1],), ([1], [2], [3]), ()]:
    try:
        math.sumprod(*args)
    except TypeError as e:
        print(e)
try:
    math.sumprod(p=[1], q=[1])
except TypeError as e:
    print(e)
