# dict methods.
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d)
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e, repr(e))
print(d.setdefault("a", 100), d.setdefault("new", []), d)
d["new"].append(1)
print(d.pop("new"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print(type(e).__name__, e)
print(d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
d.update({"b": 20, "x": 9})
d.update(y=10)
d.update([("z", 26)])
print(d)
d2 = d.copy()
d2["a"] = "changed"
print(d["a"], d2["a"])
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print(dict(a=1, b=2), dict([("k", "v")]), dict({"x": 1}, y=2), dict(zip("ab", [1, 2])))
d.clear()
print(d, bool(d))
# insertion order and re-insertion
o = {}
o["first"] = 1
o["second"] = 2
o["first"] = 10
print(o)
del o["first"]
o["first"] = 100
print(o)
# merge operators
m1 = {"a": 1, "b": 2}
m2 = {"b": 3, "c": 4}
print(m1 | m2, m2 | m1)
m1 |= m2
print(m1)
m1 |= [("d", 5)]
print(m1)
try:
    m1 | [("e", 1)]
except TypeError as e:
    print(type(e).__name__, e)
# keys of different types
mixed = {1: "int", 1.5: "float", "1": "str", (1,): "tuple", None: "none", True: "true?"}
print(mixed)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
# equality ignores order
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
# modifying during iteration
src = {1: 1, 2: 2}
try:
    for k in src:
        src[k + 10] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: -kv[1]))
print(dict(sorted({"b": 1, "a": 2}.items())), list(reversed({"x": 1, "y": 2})))
nested = {"outer": {"inner": {"deep": 1}}}
print(nested["outer"]["inner"]["deep"], nested.get("outer", {}).get("missing", "n/a"))
print(repr({}), str({1: {2: {}}}), {"q": "it's"})
