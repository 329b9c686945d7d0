# List, set and dict comprehensions.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[r * c for c in range(4)] for r in range(3)])
print([c.upper() if c in "aeiou" else c for c in "comprehension"])
print(sorted({x % 5 for x in range(23)}))
print({n: n ** 2 for n in range(6)})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
words = ["apple", "bob", "cat", "avocado", "banana"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0], []).append(w)
print(by_letter)
print({w[0]: len(w) for w in words})
print([len(w) for w in words if len(w) > 3])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print(sum(x for row in matrix for x in row))
# comprehension variables do not leak
x = "kept"
_ = [x for x in range(3)]
print(x)
# nested comprehension referencing outer variable
n = 3
print([[i + j for j in range(n)] for i in range(n)])
print({(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print([i for i in range(5)][::-1])
print({i: [j for j in range(i)] for i in range(4)})
print([(lambda k: k * 10)(i) for i in range(3)])
def scoped():
    base = 100
    return [base + i for i in range(3)]
print(scoped())
print([y for x in [[1, 2], [3]] for y in x])
print(list({s: None for s in "mississippi"}))
try:
    [1 / (i - 2) for i in range(5)]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(sorted({len(w) for w in words}))
