# Weak references through the native _weakref module: callbacks on reference-count
# death and on cycle-collector death, proxies, hashing and equality, subclasses,
# the reference lists, and the objects that cannot be weakly referenced.
import _weakref
import gc
import sys


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"


log = []

# Reference-count death: the callback runs with the (now dead) reference.
a = Node("a")
r = _weakref.ref(a, lambda ref: log.append(("a died", ref() is None)))
print(r() is a, r.__callback__ is not None, log)
del a
print(log, r(), r.__callback__)

# Plain references are shared; those with callbacks are not.
b = Node("b")
plain1 = _weakref.ref(b)
plain2 = _weakref.ref(b)
with_cb = _weakref.ref(b, print)
print(plain1 is plain2, with_cb is plain1, _weakref.getweakrefcount(b))
print(_weakref.getweakrefs(b)[0] is plain1, len(_weakref.getweakrefs(b)))
del with_cb
print(_weakref.getweakrefcount(b))

# Callbacks run newest first.
order = []
c = Node("c")
refs = []
for i in range(4):
    refs.append(_weakref.ref(c, lambda ref, i=i: order.append(i)))
del c
print(order)

# Hash and equality: the referents' while alive; the hash outlives the referent.
class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(self.k)


k1, k2 = Key(1), Key(1)
w1, w2 = _weakref.ref(k1), _weakref.ref(k2)
print(w1 == w2, w1 != w2, hash(w1) == hash(1), {w1: "x"}.get(w2))
del k1
print(w1 == w2, w1 == w1, hash(w1) == hash(1))
try:
    hash(_weakref.ref(Key(2)))
except TypeError as e:
    print("TypeError:", e)
print(w2.__eq__(5) is NotImplemented)

# Cycle-collector death: the callback of a reference outside the garbage runs.
n = Node("cycle")
n.self = n
wr = _weakref.ref(n, lambda ref: print("collected", ref()))
del n
print("before collect")
gc.collect()
print("after collect", wr())

# A reference that is itself garbage does not call back.
m = Node("m")
m.self = m
m.ref = _weakref.ref(m, lambda ref: print("never printed"))
del m
gc.collect()
print("garbage reference dropped")

# Without a cycle, the referent dies by reference count while its dict still
# holds the reference: the callback runs.
s = Node("s")
s.ref = _weakref.ref(s, lambda ref: print("self-held reference called back"))
del s
print("after self-held")

# __del__ sees its live references; the callback runs after it.
class Finalized:
    def __del__(self):
        print("__del__", fr() is self)


f = Finalized()
fr = _weakref.ref(f, lambda ref: print("callback after __del__", ref()))
del f
print("after del")

# Subclasses of ref carry their own attributes.
class KeyedRef(_weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


def gone(ref):
    print("gone:", type(ref).__name__, ref.key)


o = Node("o")
kr = KeyedRef(o, gone, "the key")
print(kr() is o, kr.key, isinstance(kr, _weakref.ref), type(kr).__mro__[1].__name__)
del o

# Proxies forward attribute access and operators, then raise ReferenceError.
class Vec:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return Vec(self.x + (other.x if isinstance(other, Vec) else other))

    def __len__(self):
        return self.x

    def __call__(self, y):
        return self.x * y


v = Vec(3)
p = _weakref.proxy(v)
print(p.x, (p + 1).x, len(p), type(p).__name__)
p.x = 5
print(v.x, p.x)
cp = _weakref.proxy(Vec(7).__call__)
print(type(cp).__name__)
callable_v = Vec(2)
cpv = _weakref.proxy(callable_v)
print(type(cpv).__name__, cpv(21))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", str(e).startswith("unhashable type"))
del v
try:
    p.x
except ReferenceError as e:
    print("ReferenceError:", e)
print(_weakref.getweakrefcount(callable_v))

# Objects CPython refuses to weakly reference.
for obj in [1, "s", (1, 2), [], {}, None, 1.5, b"x"]:
    try:
        _weakref.ref(obj)
    except TypeError as e:
        print(e)

# Functions, classes, sets, generators, methods and modules can be.
def func():
    pass


def gen():
    yield 1


for obj in [func, Node, frozenset(), gen(), sys, len]:
    print(type(obj).__name__, _weakref.ref(obj)() is obj)
method_ref = _weakref.ref(Node("x").__repr__)
print("bound method ref dies at once:", method_ref() is None)

# A failing callback is reported (on stderr) and the program goes on.
bad = Node("bad")
bad_ref = _weakref.ref(bad, lambda ref: 1 / 0)
del bad
print("still running")

# _remove_dead_weakref deletes an entry only if it is a dead reference.
d = {}
live = Node("live")
d["live"] = _weakref.ref(live)
d["dead"] = _weakref.ref(Node("dead"))
_weakref._remove_dead_weakref(d, "live")
_weakref._remove_dead_weakref(d, "dead")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))

# __weakref__: the first weak reference to an instance, or None.
w_obj = Node("w")
print(w_obj.__weakref__)
first = _weakref.ref(w_obj)
print(w_obj.__weakref__ is first)


class Small(int):
    pass


try:
    Small(3).__weakref__
except AttributeError as e:
    print("AttributeError:", e)
try:
    _weakref.ref(Small(3))
except TypeError as e:
    print("TypeError:", e)

# A bound built-in method dies as soon as nothing holds it.
items = []
append_ref = _weakref.ref(items.append, lambda ref: print("bound built-in died"))
print(append_ref() is None)

# A global that functions have read dies at `del`, as in CPython (the interpreter's
# caches of globals and module attributes hold no references).
held = Node("held")
held_ref = _weakref.ref(held, lambda ref: print("global died"))


def read_held():
    return held.name


print(read_held(), read_held(), [read_held() for _ in range(2)])
del held
print("after del held")
sys.probe = Node("probe")
probe_ref = _weakref.ref(sys.probe, lambda ref: print("module attribute died"))


def read_probe():
    return sys.probe.name


print(read_probe(), read_probe())
del sys.probe
print("after del sys.probe")
