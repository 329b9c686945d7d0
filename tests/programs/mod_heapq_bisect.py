import heapq
import bisect
import random


def show_err(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


# heappush / heappop layout
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 3, 5]:
    heapq.heappush(h, x)
    print(h)
out = []
while h:
    out.append(heapq.heappop(h))
    print(h)
print(out)

# heapify
rng = random.Random(42)
data = [rng.randrange(100) for _ in range(25)]
print(data)
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 50), data)
print(heapq.heappushpop(data, 1), data)
print(heapq.heappushpop(data, 99), data)
print(heapq.heappushpop([], 3))

# tuples and stability
tasks = []
for i, name in enumerate(["write", "read", "test", "deploy", "plan", "code"]):
    heapq.heappush(tasks, (len(name), i, name))
print(tasks)
print([heapq.heappop(tasks)[2] for _ in range(len(tasks))])

# errors
show_err(heapq.heappop, [])
show_err(heapq.heapreplace, [], 1)
show_err(heapq.heappush, (), 1)
show_err(heapq.heappop, ())
show_err(heapq.heapify, "abc")
show_err(heapq.heappush, [1, "a"], 2)

# nlargest / nsmallest
nums = [rng.randrange(-50, 50) for _ in range(30)]
print(nums)
for n in [0, 1, 3, 10, 40]:
    print(n, heapq.nlargest(n, nums), heapq.nsmallest(n, nums))
    print(n, heapq.nlargest(n, iter(nums)), heapq.nsmallest(n, iter(nums)))
words = "the quick brown fox jumps over the lazy dog again and again".split()
print(heapq.nlargest(3, words, key=len))
print(heapq.nsmallest(3, words, key=len))
print(heapq.nlargest(4, iter(words), key=lambda w: w[-1]))
print(heapq.nsmallest(4, iter(words), key=lambda w: w[-1]))
print(heapq.nsmallest(1, words, key=len), heapq.nlargest(1, [], key=len))
print(heapq.nsmallest(2, []), heapq.nlargest(2, iter([])))

# merge
a = sorted(rng.randrange(30) for _ in range(8))
b = sorted(rng.randrange(30) for _ in range(5))
c = sorted(rng.randrange(30) for _ in range(10))
print(a, b, c)
print(list(heapq.merge(a, b, c)))
print(list(heapq.merge(a, [], b, c, [])))
print(list(heapq.merge()))
print(list(heapq.merge([1, 2])))
print(list(heapq.merge(sorted(a, reverse=True), sorted(c, reverse=True), reverse=True)))
pairs1 = [(1, "a"), (3, "b"), (5, "c")]
pairs2 = [(1, "x"), (2, "y"), (5, "z")]
print(list(heapq.merge(pairs1, pairs2, key=lambda p: p[0])))
print(list(heapq.merge(pairs1[::-1], pairs2[::-1], key=lambda p: p[0], reverse=True)))
print(list(heapq.merge(["apple", "fig"], ["kiwi", "banana"], key=len)))
m = heapq.merge(iter([1, 4]), iter([2, 3]))
print(next(m), next(m), list(m))

# heap sort
def heapsort(it):
    h = []
    for v in it:
        heapq.heappush(h, v)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort([rng.random() for _ in range(5)]) == sorted(heapsort([0.5, 0.1])) or True)
print(heapsort([9, 1, 8, 2, 7, 3]))

# bisect
a = [1, 2, 2, 2, 4, 4, 7, 9]
for x in [0, 1, 2, 3, 4, 5, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 2))
print(bisect.bisect_left(a, 4, lo=1, hi=5), bisect.bisect_right(a, 4, hi=5))
print(bisect.bisect_left(a, 100, 3, 3), bisect.bisect_right(a, -1, 8))
show_err(bisect.bisect_left, a, 1, -1)
show_err(bisect.bisect_right, a, 1, -5, 3)
show_err(bisect.insort, a, 1, -1)
show_err(bisect.bisect, [1, "x"], 3)

recs = [("ann", 3), ("bob", 5), ("cy", 5), ("dee", 8)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]))
print(bisect.bisect_right(recs, 5, key=lambda r: r[1]))
print(bisect.bisect(recs, 6, key=lambda r: r[1]))
bisect.insort(recs, ("eve", 5), key=lambda r: r[1])
bisect.insort_left(recs, ("fay", 5), key=lambda r: r[1])
bisect.insort_right(recs, ("gus", 1), key=lambda r: r[1])
print(recs)

s = []
for x in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    bisect.insort(s, x)
print(s)
s2 = []
for x in [3.0, 3, 1, 3.5, 1.0]:
    bisect.insort_left(s2, x)
print(s2)
s3 = []
for x in [3.0, 3, 1, 3.5, 1.0]:
    bisect.insort_right(s3, x)
print(s3)
s4 = [0, 10, 20, 30]
bisect.insort(s4, 25, 0, 2)
print(s4)


def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right)
print(bisect.bisect_left(range(0, 100, 3), 50), bisect.bisect_right("acegik", "f"))
