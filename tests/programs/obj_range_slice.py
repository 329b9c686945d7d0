# range objects and slice objects.
r = range(10)
print(r, range(2, 8), range(0, 20, 5), range(5, 0, -1), range(3, 3))
for rr in [range(10), range(2, 8), range(0, 20, 5), range(5, 0, -1), range(3, 3), range(-5, 5, 3), range(10, 0, -3)]:
    print(rr, len(rr), list(rr), rr[0] if rr else None, rr[-1] if rr else None, 3 in rr, rr.count(5), list(reversed(rr)))
print(r[2:5], r[::-2], r[::3][1], r[-3:], range(0, 100, 7)[3:9:2])
print(range(0, 10, 2).index(6), range(1, 2) == range(1, 2, 5), range(0) == range(5, 1), range(0, 3) == range(3))
try:
    range(0, 10, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(5).index(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(r.start, r.stop, r.step, range(1, 9, 2).stop)
big = range(0, 10 ** 20, 3)
print(big[-1], (10 ** 19 - 1) in big, (10 ** 19 + 1) in big, big[10 ** 18])
print(hash(range(3)) == hash(range(0, 3, 1)), sum(range(101)), list(range(-3)))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
sl = slice(1, 8, 2)
print(sl, sl.start, sl.stop, sl.step, slice(5), slice(None, 3), slice(1, None, -1))
data = list(range(10))
print(data[sl], "abcdefghij"[sl], data[slice(None, None, -3)], data[slice(-3, None)])
print(sl.indices(5), slice(None, None, -1).indices(10), slice(-100, 100).indices(7), slice(2, -2, 3).indices(20))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
class Grid:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        if isinstance(key, tuple):
            return ("tuple", key)
        return ("index", key)
g = Grid()
print(g[3], g[1:2], g[::4], g[1:2, 3:4], g[-1])
