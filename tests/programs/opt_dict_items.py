# Dict items, membership and stores in hot loops: the optimizer's fast paths for
# dicts, sets and strs with str and int keys, and every case they must leave to
# the interpreter (keys whose equality runs __eq__, dict subclasses, watched
# dicts, missing keys, tuple keys).


def count(words):
    c = {}
    for w in words:
        if w in c:
            c[w] = c[w] + 1
        else:
            c[w] = 1
    return c


def by_int(n):
    d = {}
    for i in range(n):
        d[i % 7] = d.get(i % 7, 0) + i
    t = 0
    for i in range(n):
        t += d[i % 7] - d[-(i % 3) + 2]
    return t, d


class K(str):
    def __eq__(self, other):
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def str_subclass_key(n):
    d = {K("x"): 1, "y": 2}
    s = {K("x")}
    t = 0
    for i in range(n):
        t += d["x"] + d["y"] + ("x" in s) + ("x" in d)
    return t


def missing(n):
    d = {"a": 1}
    t = 0
    try:
        for i in range(n):
            t += d["a"]
            if i == n - 1:
                t += d["b"]
    except KeyError as e:
        print("KeyError", e, t)


class Default(dict):
    def __missing__(self, key):
        return len(key)


def subclass(n):
    d = Default(a=1)
    t = 0
    for i in range(n):
        t += d["a"] + d["bbb"]
        d["c"] = i
    return t, sorted(d.items())


def tuple_keys(n):
    d = {(1, 2): 3}
    t = 0
    for i in range(n):
        t += d[(1, 2)]
        d[(i % 3, 0)] = i
    return t, sorted(d)


def membership(n):
    vowels = set("aeiou")
    text = "the quick brown fox jumps over the lazy dog"
    seen = frozenset([1, 2, 3])
    found = 0
    for i in range(n):
        ch = text[i % len(text)]
        if ch in vowels:
            found += 1
        if ch not in "xyz":
            found += 2
        if "fox" in text and i % 5 in seen:
            found += 3
    return found


def bad_membership(n):
    t = 0
    for i in range(n):
        try:
            t += 1 in "abc"
        except TypeError as e:
            if i == 0:
                print("TypeError", e)
        try:
            t += [i] in {}
        except TypeError as e:
            if i == 0:
                print("TypeError", e)
    return t


G = {"hits": 0}


def watched(n):
    g = globals()
    for i in range(n):
        g["counter"] = i
        G["hits"] += 1
    return counter, G


def store_during_iteration():
    d = {1: 1, 2: 2}
    try:
        for k in d:
            d[k + 10] = k
    except RuntimeError as e:
        print("RuntimeError", e)
    return sorted(d)


words = ("a b c a b a d " * 3000).split()
print(sorted(count(words).items()))
print(by_int(30000))
print(str_subclass_key(20000))
missing(20000)
print(subclass(20000))
print(tuple_keys(20000))
print(membership(20000))
print(bad_membership(2000))
print(watched(20000))
print(store_during_iteration())
