"""__subclasshook__ is consulted by ABCMeta only: a plain class's hook changes
nothing, object's answers NotImplemented, and an ABC's hook decides."""

from abc import ABC
from collections.abc import Iterable, Sized


class Plain:
    @classmethod
    def __subclasshook__(cls, sub):
        return True


print(isinstance(1, Plain), issubclass(int, Plain))
print(object.__subclasshook__(int), object.__subclasshook__.__name__)
print(type(object.__dict__["__subclasshook__"]).__name__)


class Quacks(ABC):
    @classmethod
    def __subclasshook__(cls, sub):
        if cls is Quacks:
            return hasattr(sub, "quack") or NotImplemented
        return NotImplemented


class Duck:
    def quack(self):
        return "quack"


class Stone:
    pass


print(isinstance(Duck(), Quacks), isinstance(Stone(), Quacks))
print(issubclass(Duck, Quacks), issubclass(Stone, Quacks))


class Bag:
    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0


print(isinstance(Bag(), Iterable), isinstance(Bag(), Sized), isinstance(Stone(), Sized))


class Never(ABC):
    @classmethod
    def __subclasshook__(cls, sub):
        return False


class Sub(Never):
    pass


print(issubclass(Sub, Never), isinstance(Sub(), Never))
