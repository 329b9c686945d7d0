# property getter/setter/deleter and computed attributes.
class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
    @property
    def celsius(self):
        "Temperature in Celsius."
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"below absolute zero: {value}")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, round(t.fahrenheit, 6))
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print(type(e).__name__, e)
print(Temperature.celsius.__doc__, type(Temperature.celsius).__name__)

class ReadOnly:
    @property
    def x(self):
        return 42
r = ReadOnly()
print(r.x)
try:
    r.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del r.x
except AttributeError as e:
    print(type(e).__name__, e)

class Manual:
    def get_v(self):
        print("get_v")
        return self._v
    def set_v(self, v):
        print("set_v", v)
        self._v = v
    v = property(get_v, set_v, None, "manual property")
m = Manual()
m.v = 5
print(m.v, Manual.v.__doc__, Manual.v.fget.__name__, Manual.v.fdel)

class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def expensive(self):
        self.computed += 1
        return sum(range(100))
lz = Lazy()
print(lz.expensive, lz.expensive, lz.computed)

class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
    area = property(lambda self: self.w * self.h)
rc = Rect(3, 4)
print(rc.area)
rc.w = 10
print(rc.area)

class Sub(Temperature):
    @Temperature.celsius.getter
    def celsius(self):
        return f"sub sees {self._c}"
s = Sub(7)
print(s.celsius)
s.celsius = 8
print(s.celsius)
print(hasattr(r, "x"), getattr(r, "x"), "x" in vars(r), vars(ReadOnly)["x"].fset)

class Raises:
    @property
    def bad(self):
        raise AttributeError("inner attribute problem")
    def __getattr__(self, name):
        return f"__getattr__ fallback for {name}"
print(Raises().bad)
