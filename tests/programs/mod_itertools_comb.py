# itertools combinatorics.
from itertools import permutations, combinations, combinations_with_replacement, product
print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(list(permutations([1, 2], 3)), list(permutations([])), len(list(permutations(range(6)))))
print(list(combinations("abcd", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations([1, 2], 0)), list(combinations([1], 2)))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement([1, 2], 3)))
print(list(product("ab", [0, 1])))
print(list(product([1, 2], repeat=2)))
print(list(product("ab", repeat=3)))
print(list(product()), list(product([], [1])), list(product("x", "y", "z")))
print(["".join(p) for p in permutations("aab")])
print(sum(1 for _ in combinations(range(10), 4)), sum(1 for _ in product(range(3), repeat=4)))
coins = [1, 2, 5]
ways = sorted({tuple(sorted(c)) for n in range(1, 4) for c in combinations_with_replacement(coins, n) if sum(c) == 6})
print(ways)
grid = [(r, c) for r, c in product(range(3), range(3)) if r != c]
print(grid)
print(next(permutations("xyz")), next(combinations("xyz", 2)))
try:
    list(permutations("ab", -1))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(product("ab", repeat=-1))
except ValueError as e:
    print(type(e).__name__, e)
