# Generators driven by for and yield from: PEP 479, exception state, delegation, re-entry.
import sys
def g1():
    yield 1
    raise StopIteration("x")
try:
    for v in g1():
        print("v", v)
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
def g2():
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exception()
        yield sys.exception()
    yield sys.exception()
for x in g2():
    print(repr(x), repr(sys.exception()))
def g3():
    yield 1
    raise ValueError("inner")
try:
    for v in g3():
        pass
except ValueError as e:
    print("caught", e)
def rec(n):
    if n:
        yield from rec(n - 1)
    yield n
print(sum(rec(500)))
def g4():
    x = yield 1
    print("got", x)
    y = yield 2
    return x + y
def driver():
    r = yield from g4()
    print("returned", r)
d = driver()
print(next(d), d.send(10))
try:
    d.send(5)
except StopIteration:
    print("done")
gen = (i*i for i in range(5))
print(list(gen), list(gen))
def selfref():
    yield next(me)
me = selfref()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
