# Tuples, lists and slices built in hot loops, closure cells read in them, and
# bytes and bytearray indexed in them: what units make natively, and the cases
# they leave to the interpreter (an unbound local among the items, an empty cell,
# an index out of range, a bytes subclass with its own __getitem__).


def builds(n):
    pairs = []
    total = 0
    for i in range(n):
        t = (i, i * 2, "x")
        l = [i, t]
        total += t[1] + len(l) + l[0]
        if i % 1000 == 0:
            pairs.append((t, l))
    return total, pairs[:2]


def slices(data, n):
    acc = 0
    for i in range(n):
        part = data[i % 5:i % 5 + 3]
        step = data[::i % 3 + 1]
        acc += len(part) + len(step) + sum(data[1:-1:2])
    return acc


def unbound_item(n):
    out = []
    for i in range(n):
        if i == n - 1:
            del i
        try:
            out.append((1, i))
        except UnboundLocalError as e:
            print("UnboundLocalError", e)
            return len(out)


def closures(n):
    base = 10
    scale = [2]

    def inner(k):
        s = 0
        for j in range(k):
            s += base * scale[0] + j
        return s

    first = inner(n)
    base = 1
    scale[0] = 3
    return first, inner(n)


def empty_cell(n):
    def reader():
        t = 0
        for i in range(n):
            t += late
        return t

    try:
        reader()
    except NameError as e:
        print("NameError", e)
    late = 4
    return reader()


def byte_items(n):
    raw = b"\x00\x01\xfftripwire"
    buf = bytearray(raw)
    acc = 0
    for i in range(n):
        acc += raw[i % len(raw)] + buf[-(i % 3) - 1]
        buf[i % 4] = i % 256
    try:
        for i in range(n):
            acc += raw[i]
    except IndexError as e:
        print("IndexError", e, acc)
    return acc, bytes(buf[:4])


class Shouting(bytes):
    def __getitem__(self, i):
        return 1000


def subclass_items(n):
    s = Shouting(b"abc")
    return sum(s[i % 3] for i in range(n)) + sum([s[0] for _ in range(n)])


print(builds(20000))
print(slices(list(range(10)), 20000))
print(unbound_item(5000))
print(closures(20000))
print(empty_cell(20000))
print(byte_items(20000))
print(subclass_items(300))
