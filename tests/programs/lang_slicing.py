# Slicing with steps on lists, strings, tuples, ranges.
s = "abcdefghij"
lst = list(range(10))
t = tuple(range(10))
for sl in [(None, None, None), (2, 5, None), (None, None, 2), (None, None, -1), (8, 2, -2),
           (-3, None, None), (None, -3, None), (-100, 100, None), (5, 2, None), (1, None, 3),
           (-1, -11, -3), (None, None, -3), (3, 3, None), (9, None, -4)]:
    a, b, c = sl
    print(sl, s[a:b:c], lst[a:b:c], t[a:b:c])
print(s[::-1], s[-1], s[0], s[5:], s[:5])
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    t[-11]
except IndexError as e:
    print(type(e).__name__, e)
try:
    lst[1.5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s["a"]
except TypeError as e:
    print(type(e).__name__, e)
print(s[True], lst[False])
r = range(0, 30, 3)
print(r[2:5], r[::-1], r[::2], r[-2], list(r[1:8:3]))
b = b"hello world"
print(b[1:4], b[::2], b[::-1], b[0], b[-1])
copy = lst[:]
print(copy == lst, copy is lst)
nested = [[1, 2, 3], [4, 5, 6]]
print(nested[1][::-1], nested[::-1][0][1:])
class Seq:
    def __getitem__(self, key):
        return key
sq = Seq()
print(sq[1:2], sq[::3], sq[1:2, 3], sq[...], sq[:, 1])
big = 10**20
print(lst[-big:big], s[big:], s[:-big])
