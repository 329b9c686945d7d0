# dict views: keys, values, items; set ops on views; live updates.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it))
print(sorted(k & {"b", "x"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(sorted(it & {("c", 3), ("c", 4)}))
print(k == {"b", "c", "d"}, k <= {"b", "c", "d", "e"}, k.isdisjoint({"x"}))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(type(k).__name__, type(v).__name__, type(it).__name__)
try:
    k[0]
except TypeError as e:
    print(type(e).__name__, e)
for key, value in d.items():
    print(key, "->", value)
total = sum(d.values())
print(total, max(d.values()), min(d, key=lambda x: d[x]))
print(v == v, list(d.values()) == [2, 3, 4])
it2 = iter(d)
print(next(it2), next(it2))
d["e"] = 5
try:
    next(it2)
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(zip(d.keys(), d.values())))
print(dict(zip(d.values(), d.keys())))
print({**d, "b": "override"})
