# CPython's own modules (os, io, ...) take the container ABCs from _collections_abc;
# a program takes them from collections.abc: both names give the same classes.
import _collections_abc
import collections.abc
import io
import os

print(collections.abc.Mapping is _collections_abc.Mapping)
print(collections.abc.MutableMapping, _collections_abc.Sequence.__module__)
print(isinstance(os.environ, collections.abc.MutableMapping))
print(isinstance(os.environ, collections.abc.Mapping), isinstance(os.environ, dict))
print(isinstance(io.StringIO(), collections.abc.Iterator))


class Bag(_collections_abc.MutableSet):
    def __init__(self, items=()):
        self.items = set(items)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(sorted(self.items))

    def __len__(self):
        return len(self.items)

    def add(self, x):
        self.items.add(x)

    def discard(self, x):
        self.items.discard(x)


bag = Bag([3, 1])
print(isinstance(bag, collections.abc.Set), list(bag | {2}))
match os.environ:
    case collections.abc.Mapping():
        print("environ matches a Mapping pattern")
match bag:
    case {}:
        print("mapping")
    case _:
        print("a set is no mapping")
