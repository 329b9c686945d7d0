# Hot loops over iterators a unit does not step itself (dicts, sets, generators,
# classes with __next__ or __iter__), slice and __setitem__ stores, and iter() of
# any object: the unit takes the interpreter's generic forms, and leaves where the
# Python code they ran changed what it assumed, raised, or set a trace function.
import sys
import traceback


def dict_and_set_loops(n):
    d = {f"k{i}": i for i in range(n)}
    total = 0
    for k in d:
        total += d[k]
    for v in d.values():
        total += v * 2
    for k, v in d.items():
        total += len(k) + v
    s = set(range(n))
    for x in s:
        total += x
    for ch in "abcdefghij" * 50:
        total += ord(ch)
    return total


def gen(n):
    for i in range(n):
        yield i * i


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Bag:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


def python_iterators(n):
    total = 0
    for x in gen(n):
        total += x
    for x in Countdown(n):
        total -= x
    for r in range(300):
        for x in Bag([r, r + 1]):
            total += x
        for x in gen(3):
            total += x
    return total


SCALE = 3


def rebinding_gen(n):
    global SCALE
    for i in range(n):
        if i == n // 2:
            SCALE = 5
        yield i


def global_changed_by_the_iterator(n):
    total = 0
    for x in rebinding_gen(n):
        total += x * SCALE
    return total


def failing_next(n):
    def gen_fails(k):
        for i in range(k):
            yield i
        raise ValueError("generator gave up")

    total = 0
    try:
        for x in gen_fails(n):
            total += x
    except ValueError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print("caught", e, [(f.name, f.lineno - tb[0].lineno) for f in tb])
    d = {i: i for i in range(10)}
    try:
        for k in d:
            total += k
            if k == 5:
                d[100] = 1
    except RuntimeError as e:
        print("caught", e)
    return total


def traced_midway(n):
    events = []

    def tracer(frame, event, arg):
        if event == "line" and frame.f_code.co_name == "traced_midway":
            events.append(frame.f_lineno)
        return tracer

    def gen_traces(k):
        for i in range(k):
            if i == k - 3:
                sys.settrace(tracer)
            yield i

    total = 0
    for x in gen_traces(n):
        total += x
    sys.settrace(None)
    return total, len(events) > 0


class Grid:
    def __init__(self):
        self.cells = {}

    def __setitem__(self, key, value):
        self.cells[key] = value * 2


class Peeking:
    def __setitem__(self, key, value):
        if key == 1500:
            print("caller sees total =", sys._getframe(1).f_locals["total"])


def stores(n):
    data = list(range(n))
    for i in range(0, n - 4, 4):
        data[i : i + 2] = [data[i + 1], data[i]]
    g = Grid()
    for i in range(n):
        g[i % 17] = i
    errors = 0
    short = [0] * 10
    for i in range(n):
        try:
            short[i] = i
        except IndexError:
            errors += 1
    p = Peeking()
    total = 0
    for i in range(n):
        total += i
        p[i] = total
    b = bytearray(20)
    for i in range(n):
        b[i % 20] = i % 256
    return data[:8], sorted(g.cells.items())[:3], errors, short, bytes(b)


def iter_of_anything(n):
    total = 0
    things = [[1, 2], (3,), "ab", {4: 0}, {5}, range(2), Bag([6])]
    for r in range(n):
        for t in things:
            for x in t:
                total += 1
    try:
        for r in range(n):
            for x in r:
                total += x
    except TypeError as e:
        print("caught", e)
    return total


print(dict_and_set_loops(3000))
print(python_iterators(3000))
print(global_changed_by_the_iterator(3000))
print(failing_next(3000))
print(traced_midway(3000))
print(stores(3000))
print(iter_of_anything(600))
