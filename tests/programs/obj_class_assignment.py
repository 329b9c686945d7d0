# Assigning __class__: method lookup, caches and isinstance follow the new class;
# incompatible layouts and built-in types are refused with CPython's messages.

class Walker:
    def move(self):
        return "walks"


class Swimmer:
    def move(self):
        return "swims"


def moves(animals):
    return [a.move() for a in animals]


pets = [Walker(), Walker()]
print(moves(pets))
pets[1].__class__ = Swimmer
print(moves(pets), type(pets[1]).__name__, isinstance(pets[1], Swimmer))
pets[1].name = "fish"
print(vars(pets[1]))


class Point:
    __slots__ = ("x", "y")


class Vector:
    __slots__ = ("x", "y")

    def norm2(self):
        return self.x * self.x + self.y * self.y


p = Point()
p.x, p.y = 3, 4
p.__class__ = Vector
print(p.norm2())


class Celsius(float):
    pass


class Kelvin(float):
    def __repr__(self):
        return f"{float(self)}K"


t = Celsius(1.5)
t.__class__ = Kelvin
print(repr(t), t + 1)


class AppError(Exception):
    pass


class RetryableError(Exception):
    pass


e = AppError("boom")
e.__class__ = RetryableError
try:
    raise e
except RetryableError as caught:
    print("caught", type(caught).__name__, caught.args)


class Masquerade:
    __class__ = property(lambda self: int)


m = Masquerade()
print(m.__class__, type(m).__name__, isinstance(m, int))


class Other:
    __slots__ = ("a",)


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except TypeError as exc:
        print(label, exc)


w = Walker()
attempt("int value", lambda: setattr(w, "__class__", 1))
attempt("builtin target", lambda: setattr(w, "__class__", int))
attempt("builtin object", lambda: setattr(1, "__class__", Walker))
attempt("slots differ", lambda: setattr(w, "__class__", Other))
attempt("exception layout", lambda: setattr(w, "__class__", AppError))
attempt("float vs object", lambda: setattr(t, "__class__", Walker))


def delete():
    del w.__class__


attempt("delete", delete)
print(type(w).__name__)
