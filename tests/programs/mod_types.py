# The types module: the names of built-in types, and SimpleNamespace.
import types
import sys
print(types.FunctionType, types.LambdaType is types.FunctionType, types.CodeType)
print(types.GeneratorType, types.CoroutineType, types.MethodType)
print(types.BuiltinFunctionType, types.BuiltinMethodType, types.ModuleType)
print(types.NoneType, types.EllipsisType, types.NotImplementedType)
print(types.TracebackType, types.FrameType)
print(isinstance(lambda: 0, types.FunctionType), isinstance(sys, types.ModuleType), isinstance(len, types.BuiltinFunctionType))
ns = types.SimpleNamespace(a=1, b="two")
print(ns, ns.a, ns.b, types.SimpleNamespace)
ns.c = [1, 2]
del ns.a
print(ns, ns == types.SimpleNamespace(b="two", c=[1, 2]), ns != types.SimpleNamespace())
print(types.SimpleNamespace({"x": 1}, y=2), vars(types.SimpleNamespace(z=3)))
ns.self = ns
print(ns)
class Sub(types.SimpleNamespace):
    pass
print(Sub(q=1), Sub(q=1) == types.SimpleNamespace(q=1))
try:
    hash(ns)
except TypeError:
    print("unhashable")
try:
    types.SimpleNamespace({1: 2})
except TypeError as e:
    print("TypeError:", e)
