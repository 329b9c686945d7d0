# A property's __doc__: taken from the getter, given as doc=, and writable (as the
# standard library's dis does on namedtuple fields).
from collections import namedtuple


class C:
    @property
    def size(self):
        "The size."
        return 3

    plain = property(lambda self: 1, doc="given")


print(C.size.__doc__, C.plain.__doc__)
C.size.__doc__ = "Changed."
print(C.size.__doc__, C().size)
P = namedtuple("P", "x y")
P.x.__doc__ = "The x coordinate"
print(P.x.__doc__, P(1, 2).x)
