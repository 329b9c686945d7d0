# collections.abc isinstance checks.
from collections.abc import (Iterable, Iterator, Sequence, Mapping, Callable, Hashable, Sized,
                             Container, Generator, MutableSequence, MutableMapping, Set)
import collections.abc as cabc

def gen():
    yield 1

class WithIter:
    def __iter__(self):
        return iter([])

class WithLen:
    def __len__(self):
        return 0

class WithContains:
    def __contains__(self, x):
        return False

class FullIterator:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration

class Unhashable:
    __hash__ = None

samples = [("list", [1]), ("tuple", (1,)), ("str", "s"), ("dict", {}), ("set", {1}), ("range", range(2)),
           ("int", 5), ("gen", gen()), ("iter(list)", iter([])), ("func", len), ("lambda", lambda: 0),
           ("WithIter", WithIter()), ("WithLen", WithLen()), ("WithContains", WithContains()),
           ("FullIterator", FullIterator()), ("Unhashable", Unhashable()), ("bytes", b"x"), ("None", None)]
abcs = [Iterable, Iterator, Sequence, Mapping, Callable, Hashable, Sized, Container, Generator]
print("name".ljust(14), " ".join(a.__name__[:6].ljust(6) for a in abcs))
for name, obj in samples:
    print(name.ljust(14), " ".join(("yes" if isinstance(obj, a) else "-").ljust(6) for a in abcs))
print(isinstance([], MutableSequence), isinstance((), MutableSequence), isinstance({}, MutableMapping), isinstance(frozenset(), Set))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(str, Sequence), issubclass(int, Hashable))
print(isinstance(dict().keys(), cabc.Set), isinstance(dict().values(), cabc.Set), isinstance(dict().items(), Sized))
class MySeq(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
s = MySeq(4)
print(list(s), s[2], len(s), 20 in s, s.index(30), s.count(10), list(reversed(s)), isinstance(s, Sequence))
try:
    class Incomplete(Sequence):
        pass
    Incomplete()
except TypeError as e:
    print(type(e).__name__, e)
class MyMap(Mapping):
    def __init__(self):
        self.d = {"a": 1, "b": 2}
    def __getitem__(self, k):
        return self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
m = MyMap()
print(dict(m), m.get("a"), m.get("z", 0), "b" in m, list(m.keys()), list(m.items()), m == {"a": 1, "b": 2})
