# The descriptor protocol called by hand: __get__ of functions, classmethod,
# staticmethod and property, property's __set__ / __delete__.
class C:
    def __init__(self):
        self._v = 1

    def f(self):
        return "f of C"

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value

    @v.deleter
    def v(self):
        print("deleted")

    @property
    def ro(self):
        return "read only"


c = C()
f = C.__dict__["f"]
print(f.__get__(c)(), f.__get__(None, C) is f, hasattr(f, "__get__"))
print(classmethod(lambda cls: cls.__name__).__get__(c)())
print(classmethod(lambda cls: cls.__name__).__get__(None, C)())
print(staticmethod(len).__get__(c)("abc"))
p = C.__dict__["v"]
print(p.__get__(c), p.__get__(None, C) is p)
p.__set__(c, 5)
print(c.v)
p.__delete__(c)
ro = C.__dict__["ro"]
print(ro.__get__(c), hasattr(ro, "__set__"), hasattr(ro, "__delete__"))
for call in (lambda: ro.__set__(c, 1), lambda: ro.__delete__(c), lambda: f.__get__(None, None)):
    try:
        call()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
