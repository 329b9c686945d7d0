print(list(range(5)), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)), tuple(range(-5, 5, 4)))
print(len(list(range(-2**63, -2**63 + 10, 3))), list(range(2**63 - 3, 2**63 - 1)), list(range(-2**63 + 2, -2**63, -1)))
it = iter(range(10)); next(it); next(it)
print(list(it), list(it), next(it, "done"))
print(sorted(range(5), reverse=True), set(range(3)), list(reversed(range(4))))
it = iter(range(3)); print(list(zip(it, it)), list(it))
# list(), tuple() and sorted() of partly consumed list and tuple iterators.
L = [1, 2, 3]
it = iter(L)
next(it)
L.append(4)
print(list(it), list(it), L)
L = [1, 2, 3]
it = iter(L)
next(it), next(it)
del L[:]
print(list(it), next(it, "done"))
L = [5, 6, 7]
it = iter(L)
next(it)
print(list(it))
L.append(8)
print(list(it), next(it, "exhausted stays exhausted"))
t = (1, 2, 3, 4)
it = iter(t)
next(it)
print(tuple(it), tuple(it), sorted(iter(t), reverse=True), sum(iter(t)))
print(list(enumerate(iter([7, 8]))), dict.fromkeys(iter("ab")), [*iter((1, 2))])
