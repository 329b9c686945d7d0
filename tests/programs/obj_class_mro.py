# Classes with multiple inheritance and C3 MRO.
def names(cls):
    return [c.__name__ for c in cls.__mro__]

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()

print(names(D))
print(D().who())
print(D.__bases__ == (B, C), [b.__name__ for b in D.__bases__], A.__bases__[0].__name__)

class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print(names(M))

try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Base:
    greeting = "base hello"
    def hello(self):
        return self.greeting
class Mid1(Base):
    greeting = "mid1 hello"
class Mid2(Base):
    def hello(self):
        return "mid2 method"
class Leaf(Mid1, Mid2):
    pass
print(names(Leaf), Leaf().hello())
print(issubclass(Leaf, Base), issubclass(Leaf, (int, Mid2)), issubclass(Base, Leaf), isinstance(Leaf(), Mid2))
print(names(bool), names(object), names(type))
print(Leaf.mro() == list(Leaf.__mro__))
class Diamond(Mid2, Mid1):
    pass
print(names(Diamond), Diamond().hello())
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(type(D).__name__, type(D()).__name__, D.__name__, D.__qualname__, D().__class__.__name__)
print(names(type("Dyn", (B, C), {})))
