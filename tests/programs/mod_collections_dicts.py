# collections.defaultdict and OrderedDict.
from collections import defaultdict, OrderedDict
dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[word[0]].append(word)
print(dd)
print(dict(dd), dd["zzz"], len(dd), "q" in dd)
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(dict(counts))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 1
nested["x"]["z"] += 2
print({k: dict(v) for k, v in nested.items()})
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print(type(e).__name__, e)
print(plain.default_factory, dd.default_factory.__name__)
sets = defaultdict(set)
sets["a"].add(1)
sets["a"].add(1)
print(sets)
print(dd.get("nothing"), "nothing" in dd)
dcopy = dd.copy()
print(type(dcopy).__name__, dcopy == dd)

od = OrderedDict()
od["one"] = 1
od["two"] = 2
od["three"] = 3
print(od, list(od))
od.move_to_end("one")
print(list(od))
od.move_to_end("one", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
od.update([("x", 10), ("y", 20)])
print(od, list(reversed(od)))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
try:
    od.move_to_end("nope")
except KeyError as e:
    print(type(e).__name__, e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print(type(e).__name__, e)
lru = OrderedDict()
for key in ["a", "b", "c", "a", "d", "b", "e"]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = True
    if len(lru) > 3:
        lru.popitem(last=False)
    print(key, list(lru))
print(od.setdefault("z", 0), od.pop("x"), od)
