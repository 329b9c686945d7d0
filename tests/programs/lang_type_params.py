# PEP 695: type parameter lists on functions, classes and methods, their runtime
# objects and qualified names, and `type` statements with lazily evaluated values.
def first[T](xs: list[T]) -> T:
    return xs[0]

print(first([3, 4]), first.__type_params__, first.__qualname__, first.__name__)

class Box[T]:
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item

b = Box(5)
print(b.get(), Box.__type_params__, Box.__qualname__, Box.get.__qualname__)
print(Box.__mro__)

class Pair[K: str, V: (int, float), *Ts, **P]:
    pass

K, V, Ts, P = Pair.__type_params__
print(K, V, Ts, P, K.__bound__, V.__constraints__, type(K).__name__)

type IntList = int
print(IntList, IntList.__value__, type(IntList), IntList.__name__)

type Later = Undefined
print(Later.__name__)
class Undefined: pass
print(Later.__value__)

type Pairish[A, B] = (A, B)
print(Pairish.__type_params__, Pairish.__value__)

class Outer:
    def method[T](self, x: T) -> T:
        return x
    class Inner[U]:
        pass

print(Outer.method.__qualname__, Outer.Inner.__qualname__, Outer().method(7))

def deco(f):
    print("decorating", f.__name__, f.__type_params__)
    return f

@deco
def g[X](x: X) -> X:
    return x
print(g(1))

def outer():
    def inner[T](x: T) -> T:
        return x
    return inner
print(outer().__qualname__)
print(sorted(k for k in globals() if 'generic' in k))

for src in ["def f[T, T](): pass\n", "type X[T, T] = 1\n", "class C[T, **T]: pass\n"]:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
