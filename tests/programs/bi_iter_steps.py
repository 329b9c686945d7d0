# zip, map and enumerate step by step: running out, strict errors, re-entrancy.

i = iter([1, 2, 3])
z = zip(i, [])
# Running out does not exhaust a zip: each next() asks the inputs again.
print(list(z), list(z), next(i))
i = iter([1, 2, 3, 4])
z = zip(i, [])
print(next(z, "end"), next(z, "end"), list(i))
m = map(lambda a, b: a + b, iter([1, 2, 3]), iter([10]))
print(list(m), list(m))

for args in [([1, 2], [1]), ([1], [1, 2]), ([1], [1], [1, 2]),
             ([1, 2], [1, 2], [1]), ([], []), ([1], [2], [3], [])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
z = zip([1, 2], [3], strict=True)
print(next(z))
try:
    next(z)
except ValueError as e:
    print(e)
print(next(z, "again"))
print(list(zip()), list(zip(strict=True)))


class Boom:
    def __iter__(self):
        return self

    def __next__(self):
        raise KeyError("boom")


try:
    list(zip([], Boom(), strict=True))
except KeyError as e:
    print("KeyError", e)

print(list(enumerate("ab", 2**63 - 2)))
print(list(enumerate("ab", 10**20)))
print(list(enumerate("ab", True)), list(enumerate("ab", start=-1)))
for bad in [1.5, "1", None]:
    try:
        enumerate(5, bad)
    except TypeError as e:
        print("TypeError:", e)


class Index:
    def __index__(self):
        return 7


print(list(enumerate("xy", Index())))


# An input whose __next__ steps the zip that is reading it.
class Reenter:
    def __init__(self):
        self.n = 0
        self.z = None

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 6:
            raise StopIteration
        if self.n == 2:
            print("inner", next(self.z, None))
        return self.n


r = Reenter()
z = zip(r, "abcdef")
r.z = z
print(list(z))

r = Reenter()
m = map(lambda a, b: (a, b), r, "abcdef")
r.z = m
print(list(m))

r = Reenter()
e = enumerate(r)
r.z = e
print(list(e))

# Tuples from zip and enumerate are distinct objects when kept.
kept = list(zip("abc", "def"))
print(kept, len({id(t) for t in kept}))
kept = list(enumerate("abc"))
print(kept, len({id(t) for t in kept}))
pairs = []
for t in zip([[1], [2]], [[3], [4]]):
    pairs.append(t)
pairs[0][0].append(9)
print(pairs)
for a, b in zip(range(3), "xyz"):
    print(a, b, end=" ")
print()
print(dict(zip("abc", range(3))), sorted(zip([3, 1, 2], "cab")))
print(list(map(pow, [2, 3], [3, 2], [5, 5])), list(map(str, range(3))))
