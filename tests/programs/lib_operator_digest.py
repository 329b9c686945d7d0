# _operator: the operator functions and _compare_digest (what hmac.compare_digest
# and secrets use), with its type errors.
import _operator

cd = _operator._compare_digest
print(cd(b"abc", b"abc"), cd(b"abc", b"abd"), cd("ab", "abc"), cd(bytearray(b"x"), memoryview(b"x")))
print(_operator.add(2, 3), _operator.itemgetter(1)("ab"), _operator.attrgetter("real")(3))
for a, b in (("é", "é"), ("a", b"a")):
    try:
        cd(a, b)
    except TypeError as e:
        print(type(e).__name__, e)
