# Special methods a metaclass defines apply to its classes: repr, str, subscripts,
# attribute assignment, properties; a built-in method stored in a class namespace is
# called as that class's method.
class Meta(type):
    def __repr__(cls):
        return f"<Meta {cls.__name__}>"

    def __str__(cls):
        return f"class {cls.__name__}"

    def __getitem__(cls, key):
        return (cls.__name__, key)

    def __setattr__(cls, name, value):
        if name.startswith("locked"):
            raise AttributeError(f"cannot set {name!r}")
        super().__setattr__(name, value)

    @property
    def members(cls):
        return sorted(k for k in cls.__dict__ if not k.startswith("_"))


class A(metaclass=Meta):
    a = 1
    b = 2


print(repr(A), str(A), A, [A], "%r" % (A,), f"{A!r} {A!s}")
print(A["key"], A[1:2])
A.c = 3
print(A.c, A.members)
try:
    A.locked_x = 1
except AttributeError as e:
    print("AttributeError:", e)


class Plain:
    pass


print(repr(Plain)[:7], Plain.__name__)


class Number(int):
    def __repr__(self):
        return f"Number({int(self)})"

    __str__ = int.__repr__


n = Number(7)
print(str(n), repr(n), f"{n!s}", [n])


class Sub(Number):
    pass


print(str(Sub(8)), repr(Sub(8)))
