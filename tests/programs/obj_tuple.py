# tuples.
t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1])
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"a": 1}))
print(t.count(1), t.index("two"), (1, 2, 1, 1).count(1), (1, 2, 3).index(3, 1))
try:
    t.index("missing")
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
print((1, 2) + (3,), (0,) * 3, 2 * ("a",), (1, 2) == (1, 2), (1, 2) < (1, 2, 3), (2,) > (1, 99))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2, (3, 4))), hash(()), hash((0,)))
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
holder = ([1], [2])
holder[0].append(10)
print(holder)
a, b = b, a = 1, 2
print(a, b)
d = {(0, 0): "origin", (1, 2): "point"}
print(d[(1, 2)], d[0, 0])
print(max((1, "b"), (1, "a")), min([(2, 1), (1, 5), (1, 2)]), sorted([(1, "b"), (0, "z"), (1, "a")]))
nested = ((1, 2), (3, (4, (5,))))
print(nested[1][1][1][0], len(nested))
print(1 in t, "two" in t, (5, 6) in t, 6 in t)
print(tuple(x * 2 for x in range(4)), repr((1,)), str(("a", 'b"')))
print(type(()).__name__, isinstance((), tuple), t.__len__(), t.__getitem__(0))
print((1, 2, 3)[5:], (1, 2, 3)[-10:2], list(reversed((1, 2, 3))))
x = (1, 2)
y = x
x += (3,)
print(x, y, x is y)
