# Compiled loops whose arithmetic, comparisons, truth tests and subscripts meet
# operands the fast paths do not handle: the interpreter's own implementation runs
# inside the unit, Python code included, with errors, tracebacks, rebound globals
# and f_locals writes seen as CPython sees them.
import sys


def concat(words):
    out = ""
    n = 0
    for w in words:
        out = out + w
        if w > "m":
            n += 1
        if w:
            n += 100
    return out, n


out, n = concat(["apple", "zebra", "", "mango", "kiwi"] * 300)
print(len(out), out[:30], n)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if other == "boom":
            raise ValueError("cannot add boom")
        return NotImplemented

    def __radd__(self, other):
        return Money(self.cents + other)

    def __lt__(self, other):
        return self.cents < other.cents

    def __bool__(self):
        return self.cents != 0

    def __repr__(self):
        return f"Money({self.cents})"


def total(items):
    acc = Money(0)
    biggest = Money(-1)
    empties = 0
    for m in items:
        acc = acc + m
        if biggest < m:
            biggest = m
        if not m:
            empties += 1
    return acc, biggest, empties


print(total([Money(i % 7) for i in range(3000)]))
print(sum([Money(3), Money(4)], 10))


def mixed(values):
    out = []
    for v in values:
        out.append(v * 2)
        out.append(v[0] if v else None)
    return out


res = mixed([[1, 2], (3,), "xy", b"z", [], "", 0.5 and [9]] * 200)
print(len(res), res[:14])


def raising(items):
    acc = Money(0)
    for m in items:
        acc = acc + m
    return acc


try:
    raising([Money(1), Money(2)] * 500 + ["boom", Money(3)])
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("ValueError:", e, tb.tb_frame.f_code.co_name)

try:
    raising([Money(1)] * 999 + [5.5, object()])
except TypeError as e:
    print("TypeError:", e)

LIMIT = 2000


class Rebinder:
    def __init__(self, n):
        self.n = n

    def __bool__(self):
        global LIMIT
        if self.n == 1500:
            LIMIT = 3
        return True


def count_under(objs):
    hits = 0
    for i in range(len(objs)):
        if objs[i]:
            if i < LIMIT:
                hits += 1
    return hits


print(count_under([Rebinder(n) for n in range(3000)]), LIMIT)


class Spy:
    def __add__(self, other):
        frame = sys._getframe(1)
        if other == 700:
            frame.f_locals["base"] = 1000
        return other + 1


def lazy(n):
    base = 1
    out = []
    for i in range(n):
        out.append(base + (Spy() + i))
    return out, base


out, base = lazy(1000)
print(out[698:703], base, sum(out))


def keyed(d, keys):
    s = 0
    for k in keys:
        s += d[k]
    return s


print(keyed({"a": 1, (1, 2): 5, 3: 7}, ["a", (1, 2), 3] * 500))
try:
    keyed({"a": 1}, ["a"] * 1000 + ["b"])
except KeyError as e:
    print("KeyError:", e)
