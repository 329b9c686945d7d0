# sum(), min() and max() read their iterable as they go, and sum() follows
# CPython's int / float / generic phases.

print(sum([1, 2, 3]), sum([1, 2.5, 3.5]), sum([0.1] * 10), sum([1e100, 1.0, -1e100, 1.0]))
print(sum([2**62, 2**62, 2**62]), sum([True, True, 3]), sum([], True), sum([1.5, True, 2]))
print(sum([1.0, 2**70]), sum([0.1, 0.2, 10**30, 0.3]), sum([float("inf"), 1.0, -1e308]))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()), sum([1, 2], start=10))
print(sum(x * x for x in range(10)), sum(range(10**5)), sum([-0.0, -0.0]), sum([], -0.0))
print(repr(sum([0.1, 0.2, 0.3])), repr(sum([0.1, 0.2, 0.3], 0.0)), sum([1, 2**64, 3]))


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print("add", self.v, other)
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    __radd__ = __add__

    def __repr__(self):
        return f"Num({self.v})"


def noisy(items):
    for x in items:
        print("yield", x)
        yield x


print(sum(noisy([1, Num(2), 3])))
print(sum(noisy([1.5, Num(2), 3.0])))


def broken():
    yield 1
    yield "a"
    print("not reached")
    yield 2


try:
    sum(broken())
except TypeError as e:
    print("TypeError:", e)
for bad in ["", "ab"]:
    try:
        sum([1], bad)
    except TypeError as e:
        print("TypeError:", e)

print(min(noisy([3, 1, 2])), max(noisy([3, 1, 2])))
print(min([3, 1, 2], key=lambda v: -v), max("hello"), min(4, 2, 8), max(4, 2, 8, key=lambda v: v % 4))
print(min([], default="empty"), max((), default=None), min([[2], [1]]))
for call in [lambda: min([]), lambda: max(1), lambda: min(1, 2, default=0), lambda: min()]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)


def key(v):
    print("key", v)
    return v


print(max(noisy([1, 3, 2]), key=key))
try:
    max([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
