# collections.abc.Callable[[params], result] is an alias of a GenericAlias
# subclass whose __args__ are the parameter types then the result; any class
# may derive from types.GenericAlias.
import collections.abc as cabc
import pickle
import types
import typing

C = cabc.Callable
for alias in [C[[int], str], C[[], None], C[..., int], C[[int, str], list[int]],
              C[[cabc.Iterable], typing.Any]]:
    print(repr(alias), alias.__args__, type(alias).__name__,
          isinstance(alias, types.GenericAlias), alias.__origin__)

T = typing.TypeVar('T')
generic = C[[T], T]
print(generic.__parameters__, generic[int], generic[int].__args__)
print(type(generic[int]).__name__)
print(pickle.loads(pickle.dumps(C[[int], str])))
print(C[[int], str] == C[[int], str], hash(C[[int], str]) == hash(C[[int], str]))
print(C[[int], str] != C[[str], int])
print(C[[int], str] | None)
for bad in [lambda: C[int], lambda: C[int, str], lambda: C[[int], str, bool]]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    isinstance(len, C[[int], int])
except TypeError as e:
    print("TypeError:", e)
print(typing.get_origin(C[[int], str]), typing.get_args(C[[int], str]))
print(typing.get_args(C[..., int]), typing.get_args(C[[], int]))
print(typing.get_origin(list[int]), typing.get_args(dict[str, list[int]]))
print(typing.get_origin(int | str), typing.get_args(int | str))
print(typing.get_args(typing.Callable[[int], str]), typing.get_args(typing.Callable[..., str]))


def f(x: C[[int], str]) -> None:
    pass


print(f.__annotations__['x'], C[[int], str].__module__)


# A GenericAlias subclass of one's own.
class Tagged(types.GenericAlias):
    __slots__ = ()

    def __repr__(self):
        return 'Tagged:' + super().__repr__()


t = Tagged(dict, (str, T))
print(t, type(t).__name__, t.__origin__, t.__args__, t.__parameters__)
print(t[int], type(t[int]).__name__, t == dict[str, T], t.__mro_entries__(()))
print(t.fromkeys('ab'), t(a=1), t | int)
try:
    issubclass(dict, t)
except TypeError as e:
    print("TypeError:", e)
try:
    types.GenericAlias(list)
except TypeError as e:
    print("TypeError:", e)
