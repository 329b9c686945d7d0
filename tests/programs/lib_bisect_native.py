# bisect over the native _bisect: results with lo, hi and key, insort into lists
# and other sequences, CPython's errors, and comparisons that change the list.
import bisect
import _bisect

print(type(bisect.bisect_left).__name__, bisect.insort is _bisect.insort_right)
print(sorted(n for n in dir(_bisect) if not n.startswith("__")))

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 2, lo=4))
print(bisect.bisect_right(a, 2, hi=2), bisect.bisect_left(a, 9, 1, None), bisect.bisect_left(a, 9, 0, -1))
print(bisect.bisect_left(a, 2, 5, 3), bisect.bisect_right(a, 2, 10), bisect.bisect_left(a, 1, 0, -5))
print(bisect.bisect_left(a, 3, True), bisect.bisect_right([], 1))

# key applies to the list's items, not to x.
recs = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
key = lambda r: r[1]
print(bisect.bisect_left(recs, 3, key=key), bisect.bisect_right(recs, 3, key=key))
print(bisect.bisect_left(recs, 3, 2, key=key), bisect.bisect_right(recs, 3, hi=1, key=key))
print(bisect.bisect_left(recs, ("b", 5), key=None))
bisect.insort(recs, ("e", 3), key=key)
bisect.insort_left(recs, ("f", 3), key=key)
bisect.insort_right(recs, ("g", 0), key=key)
bisect.insort_left(recs, ("h", 9), 0, key=key)
print(recs)

b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort_left(b, x)
print(b)
bisect.insort_right(b, 5, 0, 3)
bisect.insort_left(b, 0, 20)
print(b)


# A sequence that is not a list: read by index, grown by its own insert.
class Seq:
    def __init__(self, items):
        self.items = items
        self.reads = 0

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        self.reads += 1
        return self.items[i]

    def insert(self, i, x):
        print("insert", i, x)
        self.items.insert(i, x)


s = Seq([10, 20, 30, 40])
print(bisect.bisect_left(s, 25), s.reads)
bisect.insort(s, 35)
print(s.items, bisect.bisect_right(range(100), 41.5), bisect.bisect_left("acegi", "d"))


class L(list):
    def insert(self, i, x):
        print("L.insert", i, x)
        super().insert(i, x)


sub = L([1, 3])
bisect.insort_left(sub, 2)
print(sub)


def attempt(f, *args, **kw):
    try:
        print("ok", f(*args, **kw))
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(bisect.bisect_left, [1], 2, -1)
attempt(bisect.insort_left, [1], 2, -1)
attempt(bisect.bisect_left, [1], 2, "a")
attempt(bisect.bisect_left, [1], 2, 0, "b")
attempt(bisect.bisect_left, [1], 2, lo=None)
attempt(bisect.bisect_left, [1], 2, 0, 2**70)
attempt(bisect.bisect_left, [1, 2, 3], 2, 0, 10)
attempt(bisect.bisect_right, 1, 2)
attempt(bisect.bisect_right, {}, 2)
attempt(bisect.bisect_left)
attempt(bisect.bisect_left, [1])
attempt(bisect.bisect_left, [], 1, 2, 3, 4)
attempt(bisect.bisect_left, [], 1, foo=1)
attempt(bisect.bisect_left, [], 1, 0, lo=0)
attempt(bisect.bisect_left, [1], 2, key=3)
attempt(bisect.insort_left, (1,), 1)
attempt(bisect.insort_right, [1, 2], None)
attempt(bisect.bisect_left, [1, "a"], 2)
attempt(bisect.bisect, [1, 2, 3], 2, key=lambda v: 1 / 0)


# Comparisons that shrink the list: the next read is out of range.
class Shrink:
    def __init__(self, v, target):
        self.v = v
        self.target = target

    def __lt__(self, other):
        if self.target:
            del self.target[:]
        return self.v < other


big = list(range(100))
attempt(bisect.bisect_left, big, Shrink(50, big))
print(big)
big = list(range(100))
attempt(bisect.insort_right, big, Shrink(50, big))
print(len(big))


class Flip:
    def __lt__(self, other):
        return [0]


print(bisect.bisect_right([1, 2, 3], Flip()))
