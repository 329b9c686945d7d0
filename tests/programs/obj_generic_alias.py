# types.GenericAlias (PEP 585): list[int] and friends, their attributes, repr,
# equality, hashing, calls, substitution of type variables, and the errors.
import types
from typing import TypeVar


def attempt(label, call):
    try:
        print(label, call())
    except Exception as e:
        print(label, type(e).__name__, e)


print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int])
print(set[int], frozenset[str], enumerate[int], list[list], list['x'], list[...])
print(list[[int, str]], list[None], dict[str, None])
print(type(list[int]), types.GenericAlias, type(list[int]) is types.GenericAlias)
print(type(list[int]).__name__, type(list[int]).__module__)

a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a.__unpacked__)
print(a.__typing_unpacked_tuple_args__, a.__class__)
print(dict[str, int].__args__, tuple[()].__args__)

# Attributes other than the alias's own come from the origin.
print(a.__name__, a.__qualname__, a.__module__, a.__mro__)
print(a.append is list.append, a.__hash__)
attempt('missing', lambda: a.foo)
attempt('bases', lambda: a.__bases__)
attempt('copy', lambda: a.__copy__)
attempt('set', lambda: setattr(a, 'x', 1))
attempt('del', lambda: delattr(a, 'x'))

# Equality and hashing.
print(list[int] == list[int], list[int] != list[int], list[int] == list[str])
print(list[int] == list, list == list[int], dict[str, int] == dict[str, int])
print(hash(list[int]) == hash(list[int]), list[int] is list[int])
print({list[int]: 1, list[int]: 2, dict[str, int]: 3})

# Calling makes an instance of the origin.
print(list[int](), list[int]((1, 2)), dict[str, int](a=1), tuple[int, ...]('ab'))
print(type(list[int]((1,))), set[int]([3, 3]))


class Box:
    pass


box_alias = types.GenericAlias(Box, int)
print(box_alias)
inst = box_alias()
print(type(inst).__name__, inst.__orig_class__ == box_alias, inst.__orig_class__ is box_alias)


class Slotted:
    __slots__ = ()


print(type(types.GenericAlias(Slotted, int)()).__name__)

# Constructing directly.
print(types.GenericAlias(list, (int,)), types.GenericAlias(list, int))
print(types.GenericAlias(dict, (str, int)) == dict[str, int])
print(types.GenericAlias(len, int), types.GenericAlias(Box, (int, str)))
attempt('one arg', lambda: types.GenericAlias(list))
attempt('three args', lambda: types.GenericAlias(list, int, str))
attempt('keywords', lambda: types.GenericAlias(list, int, x=1))

# isinstance / issubclass refuse aliases.
attempt('isinstance', lambda: isinstance([], list[int]))
attempt('issubclass', lambda: issubclass(list, list[int]))
attempt('tuple of', lambda: isinstance([], (int, list[int])))
attempt('plain', lambda: isinstance([], list))

# Unions.
print(list[int] | None, int | list[int], (list[int] | None).__args__)
print(list[int] | list[int], list[int] | dict[str, int])

# Type variables and substitution.
T = TypeVar('T')
K = TypeVar('K')
print(list[T], list[T].__parameters__, dict[K, list[T]].__parameters__)
print(list[T][int], dict[K, list[T]][str, bytes], dict[T, T][int])
print(list[list[T]][str], list[[T, int]].__parameters__)
attempt('list arg', lambda: list[[T, int]][str])
attempt('not generic', lambda: list[int][str])
attempt('too many', lambda: dict[T, int][int, str])
attempt('too few', lambda: dict[K, T][int])

# Subscripting classes without __class_getitem__.
attempt('int', lambda: int[int])
attempt('object', lambda: object[str])
attempt('range', lambda: range[int])


class User:
    def __class_getitem__(cls, item):
        return ('User', item)


class Sub(User):
    pass


print(User[int], Sub[str, bytes])

# Subclassing an alias subclasses its origin.
class MyList(list[int]):
    pass


print(MyList.__bases__, MyList.__orig_bases__, MyList([1, 2]))


class Pair(dict[str, int], Box):
    pass


print(Pair.__bases__, Pair.__orig_bases__)
print('__orig_bases__' in MyList.__dict__, '__orig_bases__' in Box.__dict__)
print(a.__mro_entries__((a,)), a.__reduce__())

# Unpacking (PEP 646).
print([*tuple[int]], [*tuple[int, str]][0].__unpacked__)
star = next(iter(tuple[int, str]))
print(star, star.__typing_unpacked_tuple_args__, star == tuple[int, str])
print(next(iter(list[int])).__typing_unpacked_tuple_args__)
print(str(list[int]), f'{dict[str, int]}', repr(list[int]))
