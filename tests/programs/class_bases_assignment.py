# Assigning __bases__: new MRO for the class and its subclasses, CPython's errors,
# subclass lists kept right; type's own attributes win over the class namespace.
class A:
    def hello(self):
        return "A"
class B:
    def hello(self):
        return "B"
class C(A):
    pass
class D(C):
    pass
d = D()
print(d.hello(), C.__mro__)
C.__bases__ = (B,)
print(d.hello(), C.__bases__, [k.__name__ for k in D.__mro__])
print(A.__subclasses__(), B.__subclasses__())
C.__bases__ = (A, B)
print(d.hello(), [k.__name__ for k in D.__mro__])
for bad in ([A], (), (1,), (D,), (int,), (A, A)):
    try:
        C.__bases__ = bad
    except TypeError as e:
        print(type(e).__name__, e)
print([k.__name__ for k in C.__mro__])
class X(A, B): pass
try:
    B.__bases__ = (X,)
except TypeError as e:
    print(e)
try:
    del C.__bases__
except TypeError as e:
    print(e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print(e)


class Named:
    __name__ = "shadow"
    __qualname__ = "shadow too"


print(Named.__name__, Named.__qualname__, Named.__dict__["__name__"])
