# `for a, b in ...` loops compiled: the item goes onto the stack for the body's
# unpacking; items of other shapes leave the unit where the interpreter unpacks.
def pairs(items):
    total = 0
    for a, b in items:
        total += a * b
    return total


print(pairs([(i, i + 1) for i in range(3000)]))
print(pairs([[i, 2] for i in range(3000)]))


def nested(items):
    out = 0
    for i, (x, y) in items:
        out += i + x - y
    return out


print(nested([(i, (i * 2, i // 3)) for i in range(3000)]))


def shapes(items):
    seen = []
    for a, b in items:
        seen.append(a + b)
    return seen


rows = [(1, 2)] * 1000 + ["xy", (3, 4), [5, 6], b"ab"] + [(7, 8)] * 1000
res = shapes(rows)
print(len(res), res[998:1006])
try:
    shapes([(1, 2)] * 1000 + [(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    shapes([(1, 2)] * 1000 + [5])
except TypeError as e:
    print("TypeError:", e)


def starred(items):
    n = 0
    for first, *rest in items:
        n += first + len(rest)
    return n


print(starred([(i, 1, 2) for i in range(3000)]))


def via_zip(xs, ys):
    acc = 0
    for x, y in zip(xs, ys):
        acc += x * y
    return acc


print(via_zip(list(range(3000)), list(range(3000, 6000))))


def items(d):
    s = 0
    for k, v in d.items():
        s += k * v
    return s


print(items({i: i + 1 for i in range(3000)}))


def while_in_for(groups):
    out = []
    for name, count in groups:
        while count > 0:
            out.append(name)
            count -= 1
    return "".join(out)


print(len(while_in_for([("ab", 3), ("c", 2)] * 600)))
