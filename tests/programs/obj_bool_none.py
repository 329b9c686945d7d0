# bool and None.
print(True, False, None, repr(None), str(True))
print(type(True).__name__, type(None).__name__, bool.__mro__[1].__name__)
print(True + True, True * 5, False * 5, -True, ~True, True / 2, True // 2)
print(bool(), bool(0), bool(1), bool(-3), bool("x"), bool(""), bool(None), bool([None]))
print(int(True), float(False), str(False), f"{True!r}", "%s" % None)
print(True and "yes", False or "fallback", None or 0 or "last", True and None)
print(isinstance(True, int), issubclass(bool, int), True == 1, hash(True) == hash(1))
d = {1: "int one", True: "bool true"}
print(d, len(d))
s = {0, False, 1, True, 2}
print(s)
print(None is None, None == None, None != 0, [None] * 3, (None,))
def nothing():
    pass
print(nothing(), nothing() is None)
x = None
print(x is None, x is not None, not x)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
nothing_here = None
try:
    nothing_here()
except TypeError as e:
    print(type(e).__name__, e)
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in None:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    nothing_here[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("Sub", (bool,), {})
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([True, False, True, 0, 1]), sum([True, True, False]))
print(True is bool(1), False is bool([]), type(None)() is None)
print(Ellipsis, ..., Ellipsis is ..., repr(...), type(...).__name__)
print(NotImplemented, type(NotImplemented).__name__)
print(True & True, True | False, True ^ True, type(True ^ True).__name__)
print(max(False, True), min(True, 0), abs(True), round(True))
print("yes" if None else "no", "yes" if 0.0 else "no", "yes" if "False" else "no")
