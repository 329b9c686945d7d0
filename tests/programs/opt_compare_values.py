# Comparisons whose result is a value (stored, returned, collected) rather than
# a branch, in hot loops and in inlined functions: ints and floats compared by
# the unit (NaN, signed zeros, ints past 2**53 against floats), anything else by
# the interpreter's own comparison (strs, tuples, rich comparisons returning
# non-bools, ones that raise).


def less(a, b):
    return a < b


def numbers(n):
    counts = [0, 0, 0, 0]
    nan = float("nan")
    for i in range(n):
        x = i % 7
        y = (i * 3) % 5 + 0.5
        counts[0] += x < y
        counts[1] += less(x, 3)
        counts[2] += (nan == nan) + (nan != nan)
        counts[3] += (2**53 + 1 == float(2**53)) + (-0.0 == 0) + (x >= 6.0)
    return counts


class Odd:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return ("lt", self.v)

    def __eq__(self, other):
        if other == "boom":
            raise ValueError("no comparing with boom")
        return NotImplemented


def others(n):
    seen = []
    for i in range(n):
        s = "a" * (i % 3) < "aa"
        t = (i, 1) == (i, 1.0)
        o = Odd(i) < 5
        if i == n - 1:
            seen.append((s, t, o))
    try:
        for i in range(n):
            r = Odd(i) == ("boom" if i == n - 1 else i)
    except ValueError as e:
        seen.append(str(e))
    try:
        for i in range(n):
            r = i < ("x" if i == n - 1 else i)
    except TypeError as e:
        seen.append(str(e))
    return seen


print(numbers(20000))
print(others(20000))
