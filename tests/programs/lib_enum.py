# CPython's enum on tripwire: a metaclass whose __prepare__ namespace sees every
# assignment of the class body, members, flags, auto values and errors.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name} is {self.value}"


print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"])
print(list(Color), len(Color), Color.RED.describe())
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color))
print([m.name for m in Color], Color.__members__.keys())


class Number(IntEnum):
    ONE = 1
    TWO = 2


print(Number.ONE + Number.TWO, Number.TWO > Number.ONE, int(Number.TWO))


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


print(Perm.R | Perm.W, Perm.R.value, Perm.X.value, Perm.W in (Perm.R | Perm.W))
print(list(Perm.R | Perm.X), bool(Perm(0)))


class Mode(IntFlag):
    A = 1
    B = 2


print(Mode.A | Mode.B, int(Mode.A | 4))


class Auto(Enum):
    FIRST = auto()
    SECOND = auto()


print(Auto.FIRST.value, Auto.SECOND.value)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class Reuse(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
Animal = Enum("Animal", "ANT BEE CAT")
print(Animal.BEE, Animal.CAT.value, enum.StrEnum.__name__)
