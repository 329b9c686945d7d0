# isinstance, issubclass, hasattr, getattr, callable, type, id-free identity checks.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, (C, A)), isinstance(b, object))
print(isinstance(1, (str, (float, int))), isinstance("s", ()), isinstance(None, type(None)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(B, B), issubclass(bool, (int,)))
try:
    isinstance(b, "A")
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(b, A)
except TypeError as e:
    print(type(e).__name__, e)
print(callable(len), callable(A), callable(b), callable(lambda: 0), callable("s"), callable(A.__init__))
print(hasattr([], "append"), hasattr([], "push"), hasattr(A, "__name__"), hasattr(b, "__class__"))
print(getattr(b, "__class__").__name__, getattr(A, "missing", "fallback"), getattr(str, "join")(",", "ab"))
print(type(b) is B, type(b) is A, b.__class__.__bases__[0] is A)
print(isinstance(A, type), isinstance(type, type), isinstance(type, object), isinstance(object, type))
print(isinstance(True, bool), isinstance(True, int), isinstance(1, bool), isinstance(1.0, int))
import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(len, cabc.Callable))
print(sorted(n for n in dir(b) if not n.startswith("__")), "__init__" in dir(b))
class D:
    z = 1
    def m(self): pass
d = D()
d.y = 2
print([n for n in dir(d) if not n.startswith("_")])
print(sorted(dir(D)) == sorted(set(dir(D))), "z" in dir(D), "y" in dir(D))
x = [1, 2]
y = x
z = list(x)
print(x is y, x is z, x == z, id(x) == id(y), id(x) == id(z))
print(len.__name__, abs.__name__, print.__name__)
print(repr(A).startswith("<class '__main__.A'"), str(type(3.5)), A.__module__, A.__name__)
print(int.__name__, int.__qualname__, type(len).__name__, type(A).__name__, type(D.m).__name__, type(d.m).__name__)
