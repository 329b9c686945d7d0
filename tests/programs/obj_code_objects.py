# Code object attributes.
import sys

def simple(a, b, c=1, *rest, key=None, **extra):
    total = a + b + c
    temp = total * 2
    return temp

co = simple.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount)
print(co.co_varnames)
print(co.co_filename.endswith("obj_code_objects.py"), co.co_firstlineno)
print(co.co_freevars, co.co_cellvars, co.co_nlocals)

def outer(x):
    y = x + 1
    def inner(z):
        return x + y + z
    return inner

print(outer.__code__.co_cellvars, outer.__code__.co_varnames)
inner = outer(1)
print(inner.__code__.co_freevars, inner.__code__.co_varnames, inner.__code__.co_name, inner.__code__.co_qualname)
print(inner.__code__.co_firstlineno)

def posonly(a, b, /, c):
    pass
print(posonly.__code__.co_posonlyargcount, posonly.__code__.co_argcount)

lam = lambda p, q: p
print(lam.__code__.co_name, lam.__code__.co_argcount, lam.__code__.co_varnames)

class K:
    def meth(self, v):
        return sys._getframe(0).f_code.co_name
print(K.meth.__code__.co_varnames, K().meth(1), K.meth.__code__.co_qualname)

def current():
    return sys._getframe(0).f_code.co_name
print(current(), sys._getframe(0).f_code.co_name)

def caller_name():
    return sys._getframe(1).f_code.co_name
def some_caller():
    return caller_name()
print(some_caller())

mod_code = compile("a = 1\nb = 2\n", "<text>", "exec")
print(mod_code.co_name, mod_code.co_filename, mod_code.co_firstlineno, mod_code.co_argcount)

def gen(n):
    for i in range(n):
        yield i
print(gen.__code__.co_varnames, gen.__code__.co_argcount)
print(type(co).__name__)

def with_comprehension(items):
    return [x * 2 for x in items]
print(with_comprehension.__code__.co_varnames)
