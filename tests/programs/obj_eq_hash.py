# __eq__ / __hash__ semantics: dict/set membership.
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(len(self.name))
    def __repr__(self):
        return f"Key({self.name!r})"

d = {Key("Alpha"): 1}
print(d[Key("ALPHA")], Key("alpha") in d, Key("beta") in d)
d[Key("alpha")] = 2
print(d, len(d))
s = {Key("x"), Key("X"), Key("y")}
print(len(s))

class EqNoHash:
    def __eq__(self, other):
        return True
print(EqNoHash.__hash__)
try:
    {EqNoHash()}
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(EqNoHash())
except TypeError as e:
    print(type(e).__name__, e)

class Plain:
    pass
p1, p2 = Plain(), Plain()
print(p1 == p1, p1 == p2, p1 != p2, len({p1, p2, p1}), hash(p1) == hash(p1))

class ExplicitUnhashable:
    __hash__ = None
try:
    hash(ExplicitUnhashable())
except TypeError as e:
    print(type(e).__name__, e)

class Parent:
    def __eq__(self, o):
        return True
    def __hash__(self):
        return 1
class ChildEq(Parent):
    def __eq__(self, o):
        return False
class ChildNoEq(Parent):
    pass
print(ChildEq.__hash__ is None, ChildNoEq.__hash__ is Parent.__hash__)

counter = {"hash": 0, "eq": 0}
class Counting:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        counter["hash"] += 1
        return self.v % 3
    def __eq__(self, o):
        counter["eq"] += 1
        return self.v == o.v
items = [Counting(i) for i in range(6)]
st = set(items)
print(len(st), counter["hash"])
print(Counting(4) in st, counter["hash"])
same = Counting(1)
st2 = {same}
print(same in st2)

print(hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b"}, {True: "t", 1: "one"})
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash(-2) == hash(-1), hash(2 ** 61 - 1), hash(10 ** 20), hash(-(2 ** 61)), hash(0.0) == hash(0) == hash(-0.0))
print(2 ** 61 - 1 in {0: 1}, {(1, 2): "tuple key"}[(1, 2)])
