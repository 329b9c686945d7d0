# itertools: infinite and terminating iterators.
from itertools import (count, islice, chain, repeat, cycle, accumulate, takewhile, dropwhile,
                       groupby, starmap, zip_longest)
import itertools
import operator
print(list(islice(count(), 5)), list(islice(count(10, 5), 4)), list(islice(count(1.5, 0.5), 3)), list(islice(count(5, -2), 4)))
print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 0, None, 3)), list(islice(range(100), 95, None)))
print(list(chain([1, 2], "ab", (3,))), list(chain()), list(chain.from_iterable([[1], [2, 3], []])), list(chain.from_iterable(["xy", "z"])))
print(list(repeat("x", 3)), list(repeat(None, 0)), list(islice(repeat(7), 4)), list(map(pow, range(4), repeat(2))))
print(list(islice(cycle("ab"), 5)), list(islice(cycle([1, 2, 3]), 7)), list(cycle([])))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=0)), list(accumulate("abc")), list(accumulate([5, 2, 1], lambda a, b: a - b)))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(bool, [])))
data = "aaabccdddda"
print([(k, len(list(g))) for k, g in groupby(data)])
print([(k, list(g)) for k, g in groupby(sorted(["apple", "avocado", "banana", "blueberry", "cherry"]), key=lambda w: w[0])])
print([(k, [x for x in g]) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda n: n % 2)])
print(list(starmap(pow, [(2, 3), (3, 2), (10, 0)])), list(starmap(lambda *a: sum(a), [(1, 2, 3), ()])))
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "wxyz", fillvalue="-")), list(zip_longest()))
print(list(itertools.islice(itertools.count(), 0)), [list(g) for _, g in itertools.groupby([])])
groups = groupby("aabbb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
c = count(3)
print(next(c), next(c), repr(c))
r = repeat(1, 2)
print(repr(r), list(r))
it = islice(count(), 2, 8, 2)
print(next(it), list(it))
try:
    list(islice([1], -1))
except ValueError as e:
    print(type(e).__name__, e)
