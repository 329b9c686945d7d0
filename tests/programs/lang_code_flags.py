# co_flags in CPython's numbering: OPTIMIZED | NEWLOCALS for functions, VARARGS,
# VARKEYWORDS, NESTED (defined in a function, a method of a class defined in a
# function too), GENERATOR, COROUTINE, ASYNC_GENERATOR; 0 for module and class
# bodies.
import sys


def plain(a, b=1):
    pass


def star(*args, **kwargs):
    pass


def gen():
    yield


async def coro():
    pass


async def agen():
    yield


def outer():
    x = 1

    def inner():
        return x

    class Local:
        body_flags = sys._getframe().f_code.co_flags

        def method(self):
            pass

    return inner, (lambda: 0), (y for y in []), Local


class Top:
    body_flags = sys._getframe().f_code.co_flags

    def method(self):
        pass


for f in (plain, star, gen, coro, agen, outer, Top.method):
    print(f.__name__, hex(f.__code__.co_flags))
inner, lam, genexpr, Local = outer()
print("inner", hex(inner.__code__.co_flags), "lambda", hex(lam.__code__.co_flags))
print("genexpr", hex(genexpr.gi_code.co_flags))
print("Local.method", hex(Local.method.__code__.co_flags))
print("class bodies", hex(Local.body_flags), hex(Top.body_flags))
print("module", hex(sys._getframe().f_code.co_flags))
print(hex(compile("x = 1", "<s>", "exec").co_flags))
