# Nested functions, qualnames, and functions as values.
def outer(a):
    def middle(b):
        def inner(c):
            return a + b + c
        return inner
    return middle

print(outer(1)(2)(3))
print(outer.__qualname__, outer(1).__qualname__, outer(1)(2).__qualname__)

class A:
    def method(self):
        def helper():
            pass
        return helper
    class Nested:
        def deep(self):
            pass
print(A.method.__qualname__, A().method().__qualname__, A.Nested.__qualname__, A.Nested.deep.__qualname__)
print(A.method.__name__, A.Nested.__name__)

def make_ops():
    ops = {}
    def reg(name):
        def deco(fn):
            ops[name] = fn
            return fn
        return deco
    @reg("double")
    def d(x):
        return 2 * x
    @reg("neg")
    def n(x):
        return -x
    return ops
ops = make_ops()
print({k: f(5) for k, f in ops.items()})

def recursive_inner(n):
    def go(k):
        return 1 if k == 0 else k * go(k - 1)
    return go(n)
print(recursive_inner(10))

def shared_cell():
    value = 0
    def setter(v):
        nonlocal value
        value = v
    def getter():
        return value
    return setter, getter
s, g = shared_cell()
s(42)
print(g())
print(s.__closure__[0].cell_contents, g.__closure__[0] is s.__closure__[0])
print(outer.__code__.co_cellvars, outer(1).__code__.co_freevars, outer(1).__code__.co_cellvars)
print(outer(1)(2).__code__.co_freevars)

fns = [abs, len, str.upper, lambda v: v]
print([f.__name__ for f in fns])
def apply_all(x, *funcs):
    return [f(x) for f in funcs]
print(apply_all("abc", len, str.upper, repr, list))
