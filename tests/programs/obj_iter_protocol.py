# __iter__/__next__, iterables vs iterators, iter() with sentinel.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

class Range2:
    def __init__(self, lo, hi):
        self.cur, self.hi = lo, hi
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur >= self.hi:
            raise StopIteration
        v = self.cur
        self.cur += 1
        return v

cd = Countdown(3)
print(list(cd), list(cd), sum(cd), max(cd), 2 in cd)
r = Range2(0, 4)
print(list(r), list(r))
r2 = Range2(5, 8)
print(next(r2), [x for x in r2], next(r2, "exhausted"))
try:
    next(Range2(0, 0))
except StopIteration as e:
    print("StopIteration", repr(e))

class OldStyle:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(OldStyle()), 9 in OldStyle(), 5 in OldStyle())
it = iter(OldStyle())
print(next(it), next(it), type(it).__name__)

class NotIterable:
    pass
try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)

class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)

values = [3, 1, 4, 1, 5, 9, 2, 6]
pos = 0
def reader():
    global pos
    v = values[pos]
    pos += 1
    return v
print(list(iter(reader, 5)))
print(list(iter(reader, 6)))
import io
f = io.StringIO("line a\nline b\n\nline c\n")
print(list(iter(f.readline, "")))
try:
    iter(5, 0)
except TypeError as e:
    print(type(e).__name__, e)

li = iter([1, 2, 3])
print(iter(li) is li, next(li), list(li), list(li))
z = zip(Countdown(3), "abc")
print(next(z), list(z))
e = enumerate(Range2(10, 13))
print(list(e))
m = map(str, Countdown(2))
print(iter(m) is m, list(m))
class Infinite:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        return self.n
for v in Infinite():
    if v > 5:
        break
print("stopped at", v)
d = {"a": 1, "b": 2}
di = iter(d.items())
print(next(di), type(di).__name__)
print(list(reversed(Range2(0, 3).__iter__().__class__.__mro__))[0].__name__)
class Rev:
    def __reversed__(self):
        return iter("reversed!")
print("".join(reversed(Rev())))
