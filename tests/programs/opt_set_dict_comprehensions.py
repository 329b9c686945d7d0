# Set and dict comprehensions in hot loops: str and int keys added natively by
# units, everything else (keys with their own __hash__ / __eq__, floats, tuples,
# unhashable keys, duplicate keys) as the interpreter does it.


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v

    def __repr__(self):
        return f"Key({self.v})"


def sets(n):
    total = 0
    for i in range(n):
        s = {j % 5 for j in range(i % 9)}
        w = {c for c in "mississippi"}
        total += len(s) + len(w)
    return total, sorted(w)


def dicts(n):
    total = 0
    for i in range(n):
        d = {k: k * i for k in range(4)}
        names = {name: len(name) for name in ("a", "bb", "a", "ccc")}
        total += d[3] + names["a"] + len(names)
    return total, names


def other_keys(n):
    total = 0
    for i in range(n):
        s = {Key(j % 3) for j in range(4)}
        d = {(j, "t"): j for j in range(3)}
        f = {j / 2: j for j in range(3)}
        total += len(s) + len(d) + len(f)
    return total, sorted(d), sorted(f.items())


def mixed_equal_keys(n):
    for i in range(n):
        d = {k: i for k in (1, 1.0, True)}
        s = {k for k in (0, 0.0, False, "0")}
    return d, sorted(s, key=str)


def unhashable(n):
    for i in range(n):
        try:
            d = {k: 1 for k in ([i], 2)}
        except TypeError as e:
            if i == 0:
                print("TypeError", e)
        try:
            s = {x for x in (1, {2: 3})}
        except TypeError as e:
            if i == 0:
                print("TypeError", e)


print(sets(20000))
print(dicts(20000))
print(other_keys(5000))
print(mixed_equal_keys(5000))
unhashable(3000)
