# collections.Counter.
from collections import Counter
c = Counter("abracadabra")
print(c)
print(c["a"], c["z"], len(c), sum(c.values()), c.total())
print(c.most_common(2), c.most_common()[-1], c.most_common(0))
print(sorted(c.elements()))
c.update("aaz")
c.update({"b": 10})
print(c)
c.subtract("aaaa")
print(c)
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(3), list(wc))
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, b - a, a | b, a & b)
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1))
a2 = Counter(a=3)
a2 += Counter(a=1, b=1)
print(a2)
del a2["a"]
print(a2, "a" in a2)
print(Counter([1, 1, 2, 3, 3, 3]), Counter({"x": 2}), Counter(k=5), Counter())
print(dict(Counter("hello")), list(Counter("hello").keys()), Counter("hello") == Counter("olleh"))
inventory = Counter(apples=5, pears=2)
order = Counter(apples=3, pears=4)
remaining = inventory - order
shortage = order - inventory
print(remaining, shortage)
print(Counter("mississippi").most_common())
c3 = Counter("aab")
c3["c"] += 5
c3["a"] -= 10
print(c3, c3.most_common(1))
print(sorted(Counter([3, 1, 2, 1, 3, 3]).items()))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) < Counter(a=2))
