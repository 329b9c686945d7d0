# collections.deque: construction, the methods, the sequence protocol, operators,
# subclassing, copying, cycles and release, with CPython's error messages.
import copy
import gc
from collections import deque


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# Construction and maxlen.
print(deque(), deque("abc"), deque(range(5), 3), deque([1, 2], maxlen=None))
print(deque(iterable=[1], maxlen=2), deque([], maxlen=0), deque("xy", maxlen=0))
print(deque(maxlen=5).maxlen, deque().maxlen)
attempt("args", lambda: deque(1, 2, 3))
attempt("kw", lambda: deque(x=1))
attempt("maxlen str", lambda: deque(maxlen="a"))
attempt("maxlen float", lambda: deque(maxlen=1.5))
attempt("maxlen big", lambda: deque(maxlen=2**70))
attempt("maxlen neg", lambda: deque(maxlen=-1))
attempt("not iterable", lambda: deque(5))
try:
    deque().x = 3
except AttributeError:
    print("setattr AttributeError")
d = deque([1, 2, 3], 5)
d.__init__("ab")
print(d, d.maxlen)

# Adding and removing at both ends, with and without maxlen.
d = deque()
d.append(1)
d.appendleft(0)
d.extend([2, 3])
d.extendleft((-1, -2))
print(d, len(d), d.pop(), d.popleft(), d)
w = deque(maxlen=3)
for i in range(5):
    w.append(i)
print(w)
w.appendleft("L")
print(w)
w.extendleft("ab")
print(w)
w.extend(w)
print(w)
d = deque([1, 2])
d.extend(d)
d.extendleft(d)
print(d)
attempt("pop", lambda: deque().pop())
attempt("popleft", lambda: deque().popleft())
attempt("append0", lambda: deque().append())
attempt("append2", lambda: deque().append(1, 2))
attempt("append kw", lambda: deque().append(x=1))
attempt("pop arg", lambda: deque().pop(1))
attempt("extend int", lambda: deque().extend(1))
attempt("extendleft int", lambda: deque().extendleft(1))
attempt("descriptor", lambda: deque.append(1, 2))
attempt("init descriptor", lambda: deque.__init__(1))


def gen():
    yield 1
    yield 2
    raise ValueError("half way")


d = deque()
attempt("extend gen", lambda: d.extend(gen()))
print(d)

# insert, remove, index, count, rotate, reverse, clear, copy.
d = deque("abcde")
d.insert(2, "X")
d.insert(-1, "Y")
d.insert(100, "Z")
d.insert(-100, "A")
print(d)
attempt("insert full", lambda: deque([1, 2], 2).insert(0, 0))
attempt("insert arg", lambda: deque().insert(1))
attempt("insert str", lambda: deque().insert("a", 1))
d.remove("X")
print(d)
attempt("remove missing", lambda: d.remove("nope"))
attempt("remove none", lambda: deque([1]).remove())
d = deque([1, 2, 3, 2, 1])
print(d.index(2), d.index(2, 2), d.index(1, -2), d.index(2, 0, -1), d.index(3, -10, 10))
attempt("index missing", lambda: d.index(3, 0, 2))
attempt("index none", lambda: d.index())
attempt("index bad start", lambda: d.index(1, "a"))
print(d.count(1), d.count(2), d.count(9))
nan = float("nan")
print(deque([nan]).count(nan), nan in deque([nan]))
d = deque(range(6))
d.rotate()
print(d)
d.rotate(2)
print(d)
d.rotate(-4)
print(d)
d.rotate(13)
print(d)
attempt("rotate str", lambda: d.rotate("a"))
attempt("rotate big", lambda: d.rotate(2**70))
attempt("rotate args", lambda: d.rotate(1, 2))
d.reverse()
print(d)
c = d.copy()
c.append("c")
print(d, c, d.__copy__(), deque([1], 4).copy())
d.clear()
print(d, bool(d), bool(c), len(c))
attempt("copy arg", lambda: d.copy(1))

# Indexing, assignment, deletion, membership.
d = deque(range(10, 15))
print(d[0], d[-1], d[2], d[-5], 12 in d, 99 in d)
d[0] = "a"
d[-1] = "z"
del d[1]
del d[-2]
print(d)
attempt("get range", lambda: d[5])
attempt("get neg range", lambda: d[-6])
attempt("get float", lambda: d[1.0])
attempt("get slice", lambda: d[1:2])
attempt("get big", lambda: d[2**70])
attempt("set range", lambda: d.__setitem__(5, 0))
attempt("set str", lambda: d.__setitem__("a", 0))
attempt("del range", lambda: d.__delitem__(-9))
attempt("del str", lambda: d.__delitem__("a"))
attempt("del big", lambda: d.__delitem__(2**70))


class Idx:
    def __index__(self):
        return 1


print(d[Idx()], deque("abc")[True])

# Iteration and mutation during iteration.
d = deque([1, 2, 3])
print(list(d), list(reversed(d)), [x * 2 for x in d], sum(d))
it = iter(d)
print(next(it), it.__length_hint__(), type(it).__name__, type(reversed(d)).__name__)
for change in ("append", "pop", "rotate", "clear", "setitem", "reverse", "del"):
    d = deque([1, 2, 3])
    it = iter(d)
    next(it)
    if change == "append":
        d.append(4)
    elif change == "pop":
        d.pop()
    elif change == "rotate":
        d.rotate(1)
    elif change == "clear":
        d.clear()
    elif change == "setitem":
        d[1] = 9
    elif change == "reverse":
        d.reverse()
    else:
        del d[0]
    attempt("iter after " + change, lambda: next(it))
d = deque([1, 2])
it = reversed(d)
print(next(it))
d.appendleft(0)
attempt("reversed after appendleft", lambda: next(it))
d = deque([1, 2])
it = iter(d)
print(list(it))
d.append(3)
attempt("exhausted then append", lambda: next(it))


class Meddler:
    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        self.d.append(0)
        return False


for name in ("remove", "index", "count", "contains"):
    d = deque([1, 2, 3])
    m = Meddler(d)
    if name == "remove":
        attempt(name, lambda: d.remove(m))
    elif name == "index":
        attempt(name, lambda: d.index(m))
    elif name == "count":
        attempt(name, lambda: d.count(m))
    else:
        attempt(name, lambda: m in d)

# Comparisons and arithmetic.
print(deque() == deque(), deque([1, 2]) == deque([1, 2]), deque([1]) != deque([1]))
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1]), deque([2]) > deque([1, 5]))
print(deque([1]) >= deque([1]), deque([1]) == [1], deque([1]) != (1,))
try:
    deque([1]) < [1]
except TypeError:
    print("lt list TypeError")
print(deque([1]) + deque([2, 3]), deque([1], 2) + deque([2, 3]), deque("ab") * 2, 3 * deque([0]))
print(deque([1, 2]) * 0, deque([1, 2]) * -1, deque([1, 2, 3], 4) * 2, deque("a") * True)
attempt("add list", lambda: deque([1]) + [1])
attempt("mul str", lambda: deque([1]) * "a")
attempt("mul float", lambda: deque([1]) * 2.0)
attempt("mul big", lambda: deque([1]) * 2**70)
d = deque([1])
alias = d
d += "ab"
d += deque([2])
print(d, d is alias)
d *= 2
print(d, d is alias)
d = deque([1, 2], maxlen=3)
d *= 3
print(d)
d *= 0
print(d)
attempt("iadd int", lambda: d.__iadd__(5))

# repr, hash, __class_getitem__, the type.
print(repr(deque([1, "a", None])), str(deque([], 3)))
d = deque()
d.append(d)
print(d)
d = deque([1], maxlen=3)
d.append([d])
print(d)
try:
    hash(deque())
except TypeError:
    print("hash TypeError")
print(deque.__hash__, deque[int], deque.__name__, deque.__module__, deque.__qualname__)
print(deque, type(deque()), isinstance(deque(), deque))
import collections.abc

print(isinstance(deque(), collections.abc.MutableSequence), issubclass(deque, collections.abc.Sequence))


# Subclasses.
class Tagged(deque):
    def __init__(self, items, tag):
        super().__init__(items, maxlen=4)
        self.tag = tag

    def total(self):
        return sum(self)


t = Tagged([1, 2, 3, 4, 5], "t")
print(t, t.tag, t.maxlen, len(t), t[0], t[-1], list(t), list(reversed(t)), 3 in t, bool(t))
t.append(6)
t.appendleft(0)
print(t, t.pop(), t.popleft(), t.total(), isinstance(t, deque), type(t).__name__)
t[0] = "z"
del t[1]
print(t, t.index("z"), t.count(5))
print(t == deque(["z", 4, 5]), t + deque([9]), deque([9]) + t, t * 2, type(t.copy()).__name__)
attempt("hash sub", lambda: hash(t))


class Plain(deque):
    pass


p = Plain("abc", 2)
p.extra = 1
print(p, p.extra, p.copy(), copy.copy(p), copy.deepcopy(p), vars(p))
attempt("new", lambda: deque.__new__(deque, 1, 2, 3))
attempt("new sub", lambda: deque.__new__(Plain, 1, 2, 3))
attempt("new int", lambda: deque.__new__(int))
attempt("new non-type", lambda: deque.__new__(1))
attempt("descriptor on other", lambda: deque.append(Plain.__new__(int) if False else 5, 1))


class Upper(deque):
    def append(self, x):
        super().append(x.upper())


u = Upper()
u.append("a")
u.extend("b")
print(u)

# copy and deepcopy.
inner = [1]
d = deque([inner, 2], maxlen=5)
c = copy.copy(d)
dc = copy.deepcopy(d)
inner.append(9)
print(c, dc, c.maxlen, dc.maxlen, c[0] is inner, dc[0] is inner)
print(d.__reduce__()[:3])


# Cycle collection and release.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


d = deque([Noisy("a"), Noisy("b")])
print("dropping")
del d
print("dropped")
d = deque([Noisy("p")])
d.pop()
print("popped")
d = deque([Noisy("c")])
d.append(d)
del d
print("collected", gc.collect() > 0)


class Node:
    pass


n = Node()
n.q = Plain([n, Noisy("sub")])
del n
print("collected sub", gc.collect() > 0)
w = deque([Noisy("evicted")], maxlen=1)
w.append(1)
print("after evict")
