# types: the names CPython's enum, dataclasses and typing import from it, and the
# dynamic class creation helpers.
import types


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["made_by"] = "Meta"
        return super().__new__(mcls, name, bases, ns)


class Base(metaclass=Meta):
    pass


def body(ns):
    ns["x"] = 10


C = types.new_class("C", (Base,), {}, body)
print(C.__name__, C.x, C.made_by, type(C).__name__)
meta, ns, kw = types.prepare_class("D", (Base,), {"metaclass": Meta})
print(meta.__name__, ns, kw)
print(types.resolve_bases((int, str)))


class Entries:
    def __mro_entries__(self, bases):
        return (dict,)


print(types.resolve_bases((Entries(), int)))
E = types.new_class("E", (Entries(),))
print(E.__bases__, types.get_original_bases(E)[0].__class__.__name__)
print(types.get_original_bases(int))
try:
    types.get_original_bases(3)
except TypeError as e:
    print("TypeError:", e)


class Color:
    def __init__(self, v):
        self._v = v

    @types.DynamicClassAttribute
    def value(self):
        "the value"
        return self._v

    def __getattr__(self, name):
        return "class-level " + name


print(Color(3).value)
try:
    Color.__dict__["value"].__get__(None, Color)
except AttributeError:
    print("AttributeError on the class")
print(Color.__dict__["value"].__doc__)
try:
    Color(1).value = 5
except AttributeError as e:
    print("AttributeError:", e)
print(types.MappingProxyType is type(type.__dict__))
print(isinstance(lambda: 0, types.FunctionType), isinstance(len, types.BuiltinFunctionType))


def outer():
    v = 1
    return lambda: v


print(isinstance(outer().__closure__[0], types.CellType))
print(types.UnionType is type(int | str))


async def agen():
    yield 1


print(isinstance(agen(), types.AsyncGeneratorType))
try:
    types.prepare_class("F", (Base, type(3)), {"metaclass": type})
    print("no conflict")
except TypeError as e:
    print("TypeError:", e)
