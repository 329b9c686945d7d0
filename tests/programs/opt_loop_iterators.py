# for loops over enumerate and zip in hot loops: stepped by the unit when what
# they wrap is a list, tuple or range iterator, by the interpreter otherwise
# (generators, strict zips, counts past 64 bits), with CPython's results.


def gen(n):
    for i in range(n):
        yield i * 3


def enumerations(n):
    data = list(range(n))
    total = 0
    for i, x in enumerate(data):
        total += i * 3 + x * x
    for i, x in enumerate(range(5, n), 100):
        total -= i * 7 + x
    for pair in enumerate(("a", "b", "c")):
        total += pair[0]
    for i, x in enumerate(gen(50)):
        total += i + x
    rows = 0
    for r in range(200):
        for j, v in enumerate(data[3:13]):
            rows += j * 5 + v
    return total, rows


def zips(n):
    xs = list(range(n))
    ys = tuple(range(0, 2 * n, 2))
    total = 0
    for x, y in zip(xs, ys):
        total += x * y
    for x, y, z in zip(range(n), xs, range(3)):
        total += x + y + z
    for a, b in zip(xs, gen(20)):
        total += a * b
    it = iter(range(10))
    pairs = []
    for a, b in zip(it, it):
        pairs.append((a, b))
    inner = 0
    for r in range(300):
        for a, b in zip(xs[:5], ys[:5]):
            inner += a + b
    for nothing in zip():
        total += 1
    return total, pairs, inner


def strict(n):
    try:
        for a, b in zip(range(n), range(n + 1), strict=True):
            pass
    except ValueError as e:
        return str(e)


def growing(n):
    data = [1, 2, 3]
    seen = 0
    for i, x in enumerate(data):
        if len(data) < n:
            data.append(x + i)
        seen += 1
    return seen, sum(data)


def huge_count(n):
    last = None
    for i, x in enumerate(range(n), 2**63 - 5):
        last = i
    return last


print(enumerations(20000))
print(zips(20000))
print(strict(20000))
print(growing(20000))
print(huge_count(20))
