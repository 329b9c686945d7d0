# An LRU cache implemented with a hash map and a doubly linked list.
class _Node:
    __slots__ = ("key", "value", "prev", "next")
    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None

class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.map = {}
        self.head = _Node()
        self.tail = _Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = self.evictions = 0

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node):
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node

    def get(self, key, default=None):
        node = self.map.get(key)
        if node is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key, value):
        node = self.map.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return None
        if len(self.map) >= self.capacity:
            lru = self.tail.prev
            self._unlink(lru)
            del self.map[lru.key]
            self.evictions += 1
            evicted = lru.key
        else:
            evicted = None
        node = _Node(key, value)
        self.map[key] = node
        self._push_front(node)
        return evicted

    def __contains__(self, key):
        return key in self.map

    def __len__(self):
        return len(self.map)

    def keys(self):
        out = []
        node = self.head.next
        while node is not self.tail:
            out.append(node.key)
            node = node.next
        return out

    def __repr__(self):
        items = ", ".join(f"{k!r}: {self.map[k].value!r}" for k in self.keys())
        return f"LRUCache({self.capacity}) {{{items}}}"

    def stats(self):
        total = self.hits + self.misses
        rate = self.hits / total if total else 0.0
        return f"hits={self.hits} misses={self.misses} evictions={self.evictions} hit_rate={rate:.1%}"

cache = LRUCache(3)
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    print("put", k, "evicted:", cache.put(k, v))
print(cache)
print(cache.get("a"), cache.keys())
print("put d evicted:", cache.put("d", 4), cache.keys())
print(cache.get("b"), cache.get("b", "gone"), "b" in cache, len(cache))
print("update c:", cache.put("c", 30), cache)
for k in ["e", "a", "f", "c"]:
    print("put", k, "evicted:", cache.put(k, k.upper()))
print(cache, cache.stats())

def cached(cache):
    def deco(fn):
        def wrapper(n):
            marker = object()
            v = cache.get(n, marker)
            if v is marker:
                v = fn(n)
                cache.put(n, v)
            return v
        return wrapper
    return deco

memo = LRUCache(100)
@cached(memo)
def collatz_len(n):
    return 1 if n == 1 else 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)
lengths = {n: collatz_len(n) for n in range(1, 30)}
best = max(lengths, key=lengths.get)
print(best, lengths[best], len(memo), memo.stats())
try:
    LRUCache(0)
except ValueError as e:
    print(type(e).__name__, e)
