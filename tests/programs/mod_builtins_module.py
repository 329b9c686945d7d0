# The builtins module's namespace is the interpreter's builtins: changing it changes
# what every lookup (and every cached global lookup) finds; exec and eval honour a
# custom __builtins__.
import builtins
import sys

print(type(__builtins__).__name__, __builtins__ is builtins)
print(sys._getframe().f_builtins is builtins.__dict__)
print(builtins.__dict__["__name__"], builtins.len is len)

original_len = len


def length():
    return len([1, 2])


for _ in range(3):
    length()  # warm the global-load cache
builtins.len = lambda x: 42
print(len([1]), length())
setattr(builtins, "len", original_len)
print(len([1]), length())
del builtins.len
try:
    length()
except NameError as e:
    print("NameError:", e)
builtins.__dict__["len"] = original_len
print(length())
builtins.answer = 41
print(answer + 1)
del builtins.answer
try:
    answer
except NameError as e:
    print("NameError:", e)

g = {}
exec("x = 1", g)
print(type(g["__builtins__"]).__name__, g["__builtins__"] is builtins.__dict__)
print(eval("len('ab')", {"__builtins__": {"len": lambda s: "custom"}}))
try:
    exec("print(1)", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
try:
    exec("class A: pass", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
ns = {"__builtins__": {"len": lambda s: "from the function's builtins"}}
exec("def g(): return len('q')", ns)
print(ns["g"]())
print(eval("len('abc')", {"__builtins__": builtins}))
scope = {"__builtins__": {"len": len}, "sys": sys}
print(eval("sys._getframe().f_builtins is __builtins__", scope))

# A replaced __import__ sees the import statement.
seen = []
original_import = builtins.__import__


def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level))
    return original_import(name, globals, locals, fromlist, level)


builtins.__import__ = tracing_import
import math
from sys import maxsize
builtins.__import__ = original_import
print(seen, math.floor(2.5), maxsize > 0)
