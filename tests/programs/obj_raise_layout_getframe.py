# Smaller runtime faults: raising a class whose __new__ returns a non-exception,
# sys._getframe with a negative depth, and instance lay-out conflicts between bases.
import sys


class NotAnException(Exception):
    def __new__(cls, *args):
        return 5


for thing in (NotAnException, NotAnException()):
    try:
        raise thing
    except TypeError as e:
        print("TypeError:", e)


class Failing(Exception):
    def __init__(self):
        raise KeyError("from the cause's constructor")


try:
    raise ValueError("x") from Failing
except KeyError as e:
    print("KeyError:", e)
try:
    raise ValueError("x") from NotAnException
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)


def inner():
    return sys._getframe(-1).f_code.co_name, sys._getframe(-10**6).f_code.co_name


print(inner(), sys._getframe(-1) is sys._getframe())

for bases in [(int, str), (dict, list), (list, tuple), (int, Exception),
              (set, frozenset), (type, int), (float, int)]:
    try:
        type("X", bases, {})
    except TypeError as e:
        print([b.__name__ for b in bases], "TypeError:", e)


class Mixin:
    pass


class Both(int, Mixin):
    pass


class Again(Both, int):
    pass


class Errors(ValueError, KeyError):
    pass


print(Again(3) + 1, Errors.__mro__[1].__name__)
