# __repr__ and __str__ interplay.
class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "Both(str)"

class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"

class StrOnly:
    def __str__(self):
        return "StrOnly as str"

b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r, s)
print(repr(b), repr(r), str(b), str(r))
print([b, r], (b,), {"k": b}, {1: r})
print(f"{b} {b!r} {r} {s}", "%s %r" % (b, b), "{} {!r}".format(b, r))
print(repr(s).startswith("<__main__.StrOnly object at "))

class Money:
    def __init__(self, amount, currency="EUR"):
        self.amount = amount
        self.currency = currency
    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"
    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"
    def __format__(self, spec):
        if spec == "short":
            return f"{self.amount:g}{self.currency[0]}"
        return format(str(self), spec)

m = Money(12.5)
print(m, repr(m), f"{m:short}", f"[{m:>15}]", [m])

class Node:
    def __init__(self, v, children=()):
        self.v = v
        self.children = list(children)
    def __repr__(self):
        if self.children:
            return f"Node({self.v}, {self.children})"
        return f"Node({self.v})"
print(Node(1, [Node(2), Node(3, [Node(4)])]))

class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)

class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)

print(repr("quote's"), repr([1, "a", None, 2.5, True]), str(["s"]), repr(("t",)))
print(repr({"a": [1, {"b": (2,)}]}), repr(frozenset()), repr(range(3)), repr(slice(1, 2)))
class SubList(list):
    pass
print(repr(SubList([1, 2])), str(SubList()))
class SubDict(dict):
    def __repr__(self):
        return "SubDict" + super().__repr__()
print(SubDict(a=1))
print(str(3.0), repr(3.0), str("x"), repr("x"), ascii("ñ"), repr(type(3)), repr(int), str(Both))
print(repr(print), repr(len))
