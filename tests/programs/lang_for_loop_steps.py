"""for loops and comprehensions step their iterator before the body and again after
it: every kind of iterator, targets of every kind, else / break / continue, nested
loops, generators that finish or raise mid-loop, errors from __next__, and threads
switching inside loops."""

import sys
import threading


def kinds():
    out = []
    for x in range(3):
        out.append(x)
    for x in [4, 5]:
        out.append(x)
    for x in (6, 7):
        out.append(x)
    for x in "ab":
        out.append(x)
    for x in {8: 0, 9: 0}:
        out.append(x)
    for i, x in enumerate([10, 11]):
        out.append((i, x))
    for i, x in enumerate((12,), start=5):
        out.append((i, x))
    for a, b in zip("xy", "zw"):
        out.append(a + b)
    for x in iter([13, 14]):
        out.append(x)
    for x in range(0):
        out.append("never")
    print(out)


class Holder:
    pass


def targets():
    h = Holder()
    d = {}
    cells = []
    for h.attr in range(2):
        pass
    for d["k"] in "pq":
        pass
    for (a, (b, c)) in [(1, (2, 3)), (4, (5, 6))]:
        pass
    for first, *rest in [[1, 2, 3]]:
        pass
    for v in range(3):
        cells.append(lambda: v)
    print(h.attr, d, a, b, c, first, rest, [f() for f in cells])


def flow():
    log = []
    for i in range(6):
        if i == 1:
            continue
        if i == 4:
            break
        log.append(i)
    else:
        log.append("no else after break")
    for i in range(2):
        log.append(i)
    else:
        log.append("else")
    for i in range(3):
        for j in range(3):
            if j == i:
                break
            log.append((i, j))
    print(log)


def gen_finishing(n):
    for i in range(n):
        yield i
    return "done"


def gen_raising():
    yield 1
    raise KeyError("from generator")


class Counter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        if self.n == 1:
            raise ValueError("from __next__")
        return self.n


def generators_and_errors():
    print([x for x in gen_finishing(3)], list(gen_finishing(2)))
    total = 0
    for x in gen_finishing(4):
        total += x
    else:
        total += 100
    print("total", total)
    try:
        for x in gen_raising():
            print("got", x)
    except KeyError as e:
        print("caught", e)
    try:
        for x in Counter(4):
            print("counter", x)
    except ValueError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print("caught", e, "at line", tb.tb_lineno)


def comprehensions():
    print([x * y for x in range(3) for y in range(3) if x != y if y])
    print({x % 3 for x in range(10)}, {x: x * x for x in range(3)})
    print(sum(x for x in range(5) if x % 2), [[y for y in range(x)] for x in range(3)])
    print([(i, c) for i, c in enumerate("abc") if i != 1])


def threads():
    seen = []

    def work(name):
        acc = 0
        for i in range(20000):
            acc += i
        seen.append((name, acc))

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        ts = [threading.Thread(target=work, args=(n,)) for n in "uv"]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    finally:
        sys.setswitchinterval(old)
    print(sorted(seen))


kinds()
targets()
flow()
generators_and_errors()
comprehensions()
threads()
