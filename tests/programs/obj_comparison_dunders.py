# Rich comparison dunders and sorting custom objects.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
        self.text = text
    def __repr__(self):
        return f"V{self.text}"
    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts
    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts < o.parts
    def __le__(self, o):
        return self == o or self < o
    def __gt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts > o.parts
    def __ge__(self, o):
        return not self < o
    def __hash__(self):
        return hash(self.parts)

vs = [Version(s) for s in ["1.10.0", "1.2", "1.2.0", "0.9", "2.0", "1.2.10"]]
print(sorted(vs))
print(max(vs), min(vs))
a, b = Version("1.2"), Version("1.10")
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.0"))
print(a == "1.2", a != "1.2")
try:
    a < "1.2"
except TypeError as e:
    print(type(e).__name__, e)
print(Version("3.1") in vs, Version("2.0") in vs, vs.index(Version("0.9")))

class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"O{self.v}"
xs = [OnlyLt(3), OnlyLt(1), OnlyLt(2)]
print(sorted(xs), OnlyLt(5) > OnlyLt(4))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print(type(e).__name__, e)

class Always:
    def __eq__(self, o):
        return True
print(Always() == 1, 1 == Always(), Always() != 1, [1, 2].count(Always()), Always() in [5])

class Chain:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"compare {self.v} < {o.v}")
        return self.v < o.v
print(Chain(1) < Chain(2) < Chain(3))
print(Chain(3) < Chain(2) < Chain(1))

class WeirdResult:
    def __lt__(self, o):
        return [1]
print(WeirdResult() < 1, bool(WeirdResult() < 1))
print((1, Version("1.0")) < (1, Version("2.0")), [Version("1.0")] == [Version("1.0")])
