# A metaclass's __prepare__ namespace sees every name the class body stores, loads
# and deletes; type(name, bases, ns) hands over to the bases' metaclass.
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.log = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.log.append(("set", key))
        super().__setitem__(key, value)

    def __getitem__(self, key):
        self.log.append(("get", key))
        return super().__getitem__(key)

    def __delitem__(self, key):
        self.log.append(("del", key))
        super().__delitem__(key)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return Recorder()

    def __new__(mcls, name, bases, ns, **kw):
        print(type(ns).__name__, getattr(ns, "log", None))
        return super().__new__(mcls, name, bases, dict(ns))

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flag=True):
    x = 1
    y = x + 1
    tmp = 0
    del tmp
    print(len)

    def method(self):
        return __class__


print(A.x, A.y, hasattr(A, "tmp"), A().method() is A)
try:
    class B(metaclass=Meta):
        del missing
except NameError as e:
    print("NameError:", e)


class NotMapping(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42


try:
    class C(metaclass=NotMapping):
        pass
except TypeError as e:
    print("TypeError:", e)

D = type("D", (A,), {"z": 3})
print(type(D).__name__, D.z, D.x)
