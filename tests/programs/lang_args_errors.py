# Error messages for bad calls.
def f(a, b):
    return a + b

def g(a, b=1, *, c):
    return a, b, c

def h(x, /, y):
    return x, y

class C:
    def m(self, a):
        return a

def attempt(label, fn, *args, **kwargs):
    try:
        print(label, "->", fn(*args, **kwargs))
    except TypeError as e:
        print(label, "->", type(e).__name__, e)

attempt("ok", f, 1, 2)
attempt("missing one", f, 1)
attempt("missing two", f)
attempt("too many", f, 1, 2, 3)
attempt("unexpected kw", f, 1, 2, c=3)
attempt("multiple values", f, 1, a=2)
attempt("g missing kwonly", g, 1)
attempt("g too many", g, 1, 2, 3)
attempt("g ok", g, 1, c=3)
attempt("h posonly as kw", h, x=1, y=2)
attempt("method missing", C().m)
attempt("method too many", C().m, 1, 2)
attempt("lambda", lambda: 1, 5)
attempt("lambda kw", lambda x: x, y=1)

def three(a, b, c):
    pass
attempt("three missing", three, 1)
attempt("kw only missing two", lambda *, p, q: 0)

def star(**kw):
    return kw
attempt("star dup", star, **{"a": 1}, **{"b": 2})
try:
    star(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
not_callable = "x"
try:
    not_callable()
except TypeError as e:
    print(type(e).__name__, e)
