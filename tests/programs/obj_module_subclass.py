import types, sys
for a in [(), (1,), ('a','b','c')]:
    try: types.ModuleType(*a)
    except TypeError as e: print(e)
m = types.ModuleType(name='x', doc=5); print(m, m.__dict__)
print(type(m) is types.ModuleType, isinstance(m, types.ModuleType))

class M(types.ModuleType):
    greeting = "hi"
    def hello(self):
        return f"hello from {self.__name__}"
    @property
    def answer(self):
        return 42

m = M('q'); print(m, type(m), m.__class__, m.__dict__)
print(isinstance(m, types.ModuleType), m.hello(), m.answer, m.greeting)
m.greeting = "own"; print(m.greeting, M.greeting, sorted(m.__dict__))
try: m.answer = 1
except AttributeError as e: print("AttributeError:", e)
try: m.zz
except AttributeError as e: print(e)
try: sys.__class__ = int
except TypeError as e: print(e)
class O: pass
try: O().__class__ = M
except TypeError as e: print(e)
del m.__name__
try: m.zz
except AttributeError as e: print(e)
print(repr(m))

class Loud(types.ModuleType):
    def __getattr__(self, name):
        return f"<{name} made up>"
    def __setattr__(self, name, value):
        print("set", name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
    def __repr__(self):
        return f"Loud({self.__name__})"

n = types.ModuleType("plain")
n.x = 1
n.__class__ = Loud
print(n, n.x, n.y, type(n).__name__)
n.z = 3
del n.z
n.__class__ = types.ModuleType
print(n, type(n))
try: n.y
except AttributeError as e: print(e)

class Lazy(types.ModuleType):
    def __getattribute__(self, attr):
        d = object.__getattribute__(self, "__dict__")
        print("loading for", attr)
        object.__setattr__(self, "__class__", types.ModuleType)
        d["value"] = 99
        return getattr(self, attr)

lz = types.ModuleType("lz")
lz.__class__ = Lazy
print(lz.value, lz.value, type(lz))

# a module turned into a subclass instance keeps working as a module for import
sys.modules["made"] = M("made")
sys.modules["made"].thing = 7
from made import thing
import made
print(thing, made.hello(), made.__name__)
def f():
    return made.thing
for _ in range(3): print(f())
made.__class__ = Loud
print(f(), made.missing)
