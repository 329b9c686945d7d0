# array module: typecodes b B i l d f.
from array import array
ai = array("i", [1, 2, 3])
ai.append(4)
ai.append(-5)
print(ai, len(ai), ai[0], ai[-1], ai[1:3], ai[::2], ai[::-1], ai.typecode, ai.itemsize, sum(ai))
print(ai.tolist(), list(ai), 3 in ai, 30 in ai, type(ai[1:3]).__name__, type(ai.tolist()).__name__)
ai[0] = 100
ai[-1] = -500
print(ai, max(ai), min(ai), sorted(ai))
ad = array("d", [1.5, 2.25])
ad.append(3)
print(ad, ad.itemsize, ad.typecode, sum(ad), ad[2], type(ad[2]).__name__, ad.tolist())
af = array("f", [0.1, 0.5])
af.append(2)
print(af, af.itemsize, af.typecode, af[0], af[1], af.tolist())
ab = array("b", [-128, 0, 127])
aB = array("B", [0, 255])
aB.append(7)
print(ab, aB, ab.itemsize, aB.itemsize, ab.typecode, aB.typecode, sum(ab), sum(aB))
al = array("l", [2 ** 40, -3])
al.append(2 ** 62)
print(al, al.itemsize, al[0] * 2, al.tolist())
empty = array("i")
print(empty, len(empty), array("d"), array("b").tolist(), sum(empty))
sq = array("i", [x * x for x in range(6)])
print(sq, sq[2:5].tolist(), sq[-1], len(sq[1:]))
for code, good, bad in [("b", 127, 128), ("b", -128, -129), ("B", 255, 256), ("B", 0, -1)]:
    arr = array(code)
    arr.append(good)
    try:
        arr.append(bad)
    except OverflowError as e:
        print(code, arr.tolist(), type(e).__name__, e)
try:
    ai.append(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    ai.append("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sq[100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    array("i", [1, 2.5])
except TypeError as e:
    print(type(e).__name__, e)
total = array("d")
for v in (0.1, 0.2, 0.3):
    total.append(v)
print(total, sum(total), repr(array("i", [7])), str(array("d", [1.0])))
