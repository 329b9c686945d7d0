# A generator handling no exception sees its caller's in sys.exception(); its own handler state survives across yields.
import sys
def gen():
    print("g1", repr(sys.exception()))
    try:
        raise KeyError("g")
    except KeyError:
        yield 1
        print("g2", repr(sys.exception()))
    yield 2
    print("g3", repr(sys.exception()))
g = gen()
try:
    raise ValueError("outer")
except ValueError:
    next(g)
    print("o1", repr(sys.exception()))
next(g)
print("o2", repr(sys.exception()))
try:
    raise TypeError("outer2")
except TypeError:
    next(g, None)
