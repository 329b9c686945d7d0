# __call__, __getattr__, __setattr__, __delattr__, getattr/setattr/hasattr/delattr.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, twice=False):
        r = x * self.k
        return r * 2 if twice else r
triple = Multiplier(3)
print(triple(5), triple(5, twice=True), callable(triple), list(map(triple, [1, 2])))
try:
    triple()
except TypeError as e:
    print(type(e).__name__, e)

class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append(("get", name))
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append(("set", name))
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self._log.append(("del", name))
        delattr(self._target, name)

class Target:
    def __init__(self):
        self.a = 1
    def hello(self):
        return "hello from target"

t = Target()
p = Proxy(t)
print(p.a, p.hello())
p.b = 2
print(t.b, vars(t))
del p.a
print(vars(t), p._log)
try:
    p.missing
except AttributeError as e:
    print(type(e).__name__, e)

class Dynamic:
    existing = "class attr"
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: f"generated {name[4:]}"
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dynamic()
print(d.existing, d.get_value(), d.get_other())
print(hasattr(d, "get_x"), hasattr(d, "nope"), getattr(d, "nope", "default"))
try:
    d.nope
except AttributeError as e:
    print(type(e).__name__, e)

class Obj:
    pass
o = Obj()
setattr(o, "x", 10)
setattr(o, "with space", "odd name")
print(o.x, getattr(o, "with space"), sorted(vars(o)))
print(hasattr(o, "x"), hasattr(o, "y"), getattr(o, "y", None))
delattr(o, "x")
print(hasattr(o, "x"))
try:
    getattr(o, "y")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(o, "y")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(getattr(5, "real"), getattr("abc", "upper")(), getattr([], "append").__name__)
try:
    (5).real = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Obj.nope
except AttributeError as e:
    print(type(e).__name__, e)
class Frozen:
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
try:
    Frozen().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
class Counter:
    def __init__(self):
        self.count = 0
    def __call__(self):
        self.count += 1
        return self.count
c = Counter()
c(); c()
print(c(), c.count)
class CallableClassAttr:
    helper = staticmethod(len)
print(CallableClassAttr.helper("four"), CallableClassAttr().helper([1]))
