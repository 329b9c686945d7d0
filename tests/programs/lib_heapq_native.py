# heapq over the native _heapq: results, the _max variants, CPython's errors, and
# comparisons that run Python code which changes the heap.
import heapq
import _heapq

print(type(heapq.heappush).__name__, heapq.heappush is _heapq.heappush)
print(sorted(n for n in dir(_heapq) if not n.startswith("__")))

# Results.
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [(x * 7919) % 101 for x in range(40)]
heapq.heapify(data)
print(data)
print(heapq.heapreplace(data, 50), data[:8])
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 60), data[:8])
print(heapq.heappushpop([], 3))

# A large heapify builds subtree by subtree; equal keys show the exact layout.
big = [((i * 37) % 97, i) for i in range(3000)]
heapq.heapify(big)
print(sum(i * v[1] for i, v in enumerate(big)) % 1000003, big[:5])
big = [(i * 37) % 97 for i in range(3000)]
heapq._heapify_max(big)
print(big[:10])

# The max-heap variants.
m = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(m)
print(m)
print(heapq._heapreplace_max(m, 0), m)
print([heapq._heappop_max(m) for _ in range(len(m))])
print(heapq.nlargest(3, [4, 8, 1, 9]), heapq.nsmallest(2, [4, 8, 1, 9]))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [5])))
print(list(heapq.merge([9, 4, 1], [10, 3, 2], reverse=True)))

# A list subclass is a list; its own append is not called.
class L(list):
    def append(self, x):
        raise AssertionError("not called")

s = L([4, 2, 6])
heapq.heapify(s)
heapq.heappush(s, 1)
print(type(s).__name__, list(s))


def attempt(f, *args, **kw):
    try:
        print("ok", f(*args, **kw))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# Errors.
attempt(heapq.heappop, [])
attempt(heapq.heapreplace, [], 1)
attempt(heapq._heappop_max, [])
attempt(heapq._heapreplace_max, [], 1)
attempt(heapq.heappush, (), 1)
attempt(heapq.heappop, 1)
attempt(heapq.heapify, "abc")
attempt(heapq.heappushpop, None, 1)
attempt(heapq._heapify_max, {})
attempt(heapq.heappush, [])
attempt(heapq.heappush, [], 1, 2)
attempt(heapq.heapify)
attempt(heapq.heappop, [], [])
attempt(heapq.heappush, heap=[], item=1)
attempt(heapq.heapify, [1], x=2)
attempt(heapq.heappush, [1], "a")
h = [1, 2]
attempt(heapq.heappushpop, h, None)
attempt(heapq.heapify, [3, None, 1])
print(h)


# Comparisons that change the heap.
class Grow:
    def __init__(self, v, heap=None, action=None):
        self.v = v
        self.heap = heap
        self.action = action

    def __lt__(self, other):
        if self.action is not None:
            act, self.action = self.action, None
            act(self.heap)
        return self.v < other.v

    def __repr__(self):
        return f"G{self.v}"


heap = []
for v in [1, 3, 5, 7, 9]:
    heapq.heappush(heap, Grow(v, heap))
heap[4].action = lambda hp: hp.append(Grow(0))
attempt(heapq.heappop, heap)
print(heap)

heap = [Grow(v) for v in [5, 4, 3, 2, 1]]
heap[4].heap = heap
heap[4].action = lambda hp: hp.clear()
attempt(heapq.heapify, heap)
print(heap)

heap = [Grow(v) for v in [1, 2, 3]]
item = Grow(0, heap, lambda hp: hp.pop())
attempt(heapq.heappush, heap, item)
print(heap)

# Same size, new items: the sift reads the list afresh.
heap = [Grow(v) for v in [1, 4, 5, 6, 7]]
item = Grow(9, heap, lambda hp: hp.__setitem__(slice(None), [Grow(8), Grow(2), Grow(3), Grow(1), Grow(0)]))
attempt(heapq.heapreplace, heap, item)
print(heap)

# heappushpop compares the top first; emptying the heap then is an IndexError.
class Top(Grow):
    pass


heap = [Top(1, None, None)]
heap[0].heap = heap
heap[0].action = lambda hp: hp.clear()
attempt(heapq.heappushpop, heap, Grow(5))
print(heap)


class Weird:
    def __lt__(self, other):
        return "yes"


print(type(heapq.heappushpop([Weird()], 1)).__name__)


class Boom:
    def __lt__(self, other):
        raise ValueError("no order")


attempt(heapq.heappush, [Boom()], Boom())
