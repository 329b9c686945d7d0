# __getitem__/__setitem__/__delitem__/__len__/__contains__/__bool__/__missing__.
class SparseList:
    def __init__(self, size, default=0):
        self.size = size
        self.default = default
        self.data = {}
    def _check(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError("sparse index out of range")
        return i
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.size))]
        return self.data.get(self._check(i), self.default)
    def __setitem__(self, i, v):
        self.data[self._check(i)] = v
    def __delitem__(self, i):
        self.data.pop(self._check(i), None)
    def __len__(self):
        return self.size
    def __contains__(self, v):
        print(f"__contains__({v!r})")
        return v in self.data.values() or (v == self.default and len(self.data) < self.size)
    def __repr__(self):
        return f"SparseList({list(self)})"

s = SparseList(6)
s[1] = "one"
s[-1] = "last"
print(s, len(s), s[1], s[0], s[-1], s[1:4], s[::-2])
del s[1]
print(s)
print("last" in s, "nope" in s, 0 in s)
try:
    s[6]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[10] = 1
except IndexError as e:
    print(type(e).__name__, e)
print(list(s), bool(s), len(SparseList(0)), bool(SparseList(0)))

class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("__bool__ called")
        return self.v
print(bool(Truthy(True)), not Truthy(False))
if Truthy(False):
    print("no")
else:
    print("falsy branch")
print(Truthy(True) and "and-result")

class LenOnly:
    def __len__(self):
        return 0
print(bool(LenOnly()), "yes" if LenOnly() else "no")

class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
class FloatLen:
    def __len__(self):
        return 1.5
try:
    len(FloatLen())
except TypeError as e:
    print(type(e).__name__, e)

class Matrix:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        r, c = key
        return self.cells.get((r, c), 0)
    def __setitem__(self, key, value):
        self.cells[key] = value
m = Matrix()
m[1, 2] = 5
m[0, 0] += 3
m[0, 0] += 3
print(m[1, 2], m[0, 0], m[9, 9], m.cells)

class ReadOnlyItems:
    def __getitem__(self, k):
        return k
try:
    ReadOnlyItems()[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del ReadOnlyItems()[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class NoGet:
    pass
try:
    NoGet()[0]
except TypeError as e:
    print(type(e).__name__, e)

class Mapping:
    def __init__(self):
        self.d = {"a": 1}
    def __getitem__(self, k):
        return self.d[k]
    def keys(self):
        return self.d.keys()
print(dict(Mapping()), {**Mapping()})
