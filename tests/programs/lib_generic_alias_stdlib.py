# The library's generic classes subscript to types.GenericAlias, and the modules
# that subscript them at import (importlib.resources, ensurepip, zoneinfo) load.
import array
import collections
import collections.abc
import contextlib
import functools
import itertools
import os
import re
import types
import weakref

for cls in [collections.deque, collections.defaultdict, collections.OrderedDict,
            collections.Counter, collections.abc.Iterable, collections.abc.Mapping,
            itertools.chain, functools.partial, functools.partialmethod,
            functools.cached_property, re.Pattern, re.Match, os.PathLike, array.array,
            weakref.ref, contextlib.AbstractContextManager, contextlib.nullcontext,
            types.MappingProxyType, types.GeneratorType, types.CoroutineType,
            types.AsyncGeneratorType, BaseExceptionGroup, ExceptionGroup]:
    alias = cls[int]
    print(alias, type(alias) is types.GenericAlias, alias.__origin__ is cls)

print(collections.abc.Mapping[str, int], collections.abc.Callable[[int], str])
print(collections.abc.Callable[..., int], collections.abc.Callable[[], None])
for bad in [lambda: collections.abc.Callable[int],
            lambda: collections.abc.Callable[int, str],
            lambda: isinstance([], collections.abc.Iterable[int])]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
print(collections.deque[int]([1, 2]), collections.defaultdict[str, int](int))
print(isinstance([], collections.abc.Iterable), os.PathLike[str] == os.PathLike[str])


class Path(os.PathLike[str]):
    def __fspath__(self):
        return 'p'


print(Path.__bases__, Path.__orig_bases__, os.fspath(Path()))


@functools.singledispatch
def kind(x):
    return 'other'


@kind.register
def _(x: None):
    return 'none'


@kind.register
def _(x: 'int'):
    return 'int'


print(kind(None), kind(3), kind('s'))

import zoneinfo
try:
    zoneinfo.ZoneInfo('Nowhere/Missing')
except Exception as e:
    print(type(e).__name__, e)

import importlib.resources
import ensurepip
print(callable(importlib.resources.files), callable(ensurepip.version))
