# Subclassing list, dict, and Exception.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self
    def peek(self):
        return self[-1]

s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), s.pop(), isinstance(s, list), type(s).__name__)
print(s + [9], type(s + [9]).__name__, s[1:], type(s[1:]).__name__)

class LoudList(list):
    def append(self, x):
        print("appending", x)
        super().append(x)
    def __repr__(self):
        return "LoudList(" + super().__repr__() + ")"
ll = LoudList()
ll.append(1)
ll.extend([2, 3])
print(ll, list(ll), str(ll))

class DefaultDict(dict):
    def __missing__(self, key):
        value = f"<{key}>"
        self[key] = value
        return value
dd = DefaultDict(a=1)
print(dd["a"], dd["zz"], dd, dd.get("nope"), "nope" in dd)

class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
    def __setattr__(self, name, value):
        self[name] = value
ad = AttrDict(x=1)
ad.y = 2
print(ad, ad.x, ad.y)
try:
    ad.missing
except AttributeError as e:
    print(type(e).__name__, e)

class CaseInsensitive(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
ci = CaseInsensitive()
ci["Hello"] = 1
print(ci["HELLO"], ci, list(ci.keys()))

class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"

class NotFound(AppError):
    pass

try:
    raise NotFound(404, "page missing")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))

class PlainErr(Exception):
    pass
pe = PlainErr("a", "b")
print(str(pe), repr(pe), pe.args, isinstance(pe, Exception))
print([c.__name__ for c in NotFound.__mro__])

class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
mi = MyInt(5)
print(mi, mi + 1, type(mi + 1).__name__, mi * 2, repr(mi), str(mi))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
ms = MyStr("hey")
print(ms.shout(), ms + "x", type(ms + "x").__name__, len(ms), ms == "hey")
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def total(self):
        return self[0] + self[1]
p = Pair(3, 4)
print(p, p.total(), len(p), isinstance(p, tuple))
