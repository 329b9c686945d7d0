# Generator expressions: laziness, single consumption.
log = []
def noisy(x):
    log.append(x)
    return x * 10

gen = (noisy(i) for i in range(5))
print(type(gen).__name__, log)
print(next(gen), log)
print(next(gen), log)
print(list(gen), log)
print(list(gen))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration", e.args)

g2 = (c for c in "abc")
print(list(zip(g2, g2)))
print(sum(i * i for i in range(101)))
print(max((len(w), w) for w in ["aa", "b", "cccc", "ddd"]))
print("-".join(str(i) for i in range(5)))
print(sorted((x % 3, x) for x in range(7)))
print(any(i > 3 for i in range(10**9)))
print(dict((k, k * 2) for k in "xyz"))
print(tuple(x for x in range(4)))
# iterable evaluated immediately, conditions lazily
source = [1, 2, 3]
g3 = (v for v in source)
source = [9, 9, 9]
print(list(g3))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
try:
    (1 for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
g4 = (x for x in [1, 2])
print(iter(g4) is g4)
print(min(x for x in [4, -2, 7]), sum((x for x in (1, 2)), 10))
