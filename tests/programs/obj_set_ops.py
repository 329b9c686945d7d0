# set and frozenset.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference([1], (2,)), a.symmetric_difference(range(3, 8)))
print(a <= b, {3} <= a, {3} < a, a < a, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
s = set()
s.add(5)
s.add(5)
s.update([1, 2], (3,))
print(s, len(s))
s.discard(100)
s.remove(1)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
p = s.pop()
print(p in {2, 3, 5}, len(s))
s.clear()
print(s, set(), repr(set()), frozenset(), bool(s))
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
c = {1, 2, 3}
c |= {4}
c &= {2, 3, 4, 5}
c -= {3}
c ^= {9, 2}
print(sorted(c))
c.intersection_update([4, 9, 10])
c.difference_update({9})
c.symmetric_difference_update({1, 4})
print(c)
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, f | {9}, type(f | {9}).__name__, type({9} | f).__name__)
try:
    f.add(1)
except AttributeError as e:
    print(type(e).__name__, e)
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {frozenset([1]): "ok"}[frozenset([1])])
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
print(set("mississippi") == {"m", "i", "s", "p"}, sorted(set("mississippi")))
print({x % 4 for x in range(10)}, set(range(5)) - {0, 4}, {1, 2} == frozenset({1, 2}))
print(len({1, 1.0, True}), {0, False, 0.0}, sorted({-1, -2, 10, 100, 7}))
print(sorted({"banana", "apple", "cherry"}), sorted(frozenset("cab")))
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(nested))
words = ["red", "blue", "red", "green", "blue"]
seen = set()
uniq = []
for w in words:
    if w not in seen:
        seen.add(w)
        uniq.append(w)
print(uniq)
print(a.copy() == a, a.copy() is a, set([1, 2]) | set(), {1} & {2})
try:
    a + b
except TypeError as e:
    print(type(e).__name__, e)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
