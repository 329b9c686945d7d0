# _functools, the module CPython's functools.py takes reduce, partial, cmp_to_key and
# the lru_cache wrapper from; and CPython's functools.py itself run over it.
import _functools
import importlib.util
import os


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


# reduce
show(_functools.reduce, lambda a, b: a + b, [1, 2, 3, 4])
show(_functools.reduce, lambda a, b: a * b, range(1, 6), 10)
show(_functools.reduce, lambda a, b: a + b, [], 'start')
show(_functools.reduce, lambda a, b: a + b, 'abc')
show(_functools.reduce, lambda a, b: a + b, [])
show(_functools.reduce)
show(_functools.reduce, len)
show(_functools.reduce, len, 5)
show(_functools.reduce, len, [], 1, 2)
show(_functools.reduce, len, [], initial=2)
show(_functools.reduce, lambda a, b: a // b, [1, 0])


def gen():
    yield 1
    raise ValueError('from the iterable')


show(_functools.reduce, lambda a, b: a + b, gen(), 0)
print(_functools.reduce.__name__)

# partial
P = _functools.partial


def f(*args, **kw):
    return args, kw


p = P(f, 1, x=2)
print(p(3, y=4), p.func is f, p.args, p.keywords)
print(repr(P(len, 'abc', key=1)))
for attr in ('func', 'args', 'keywords'):
    try:
        setattr(p, attr, 1)
    except AttributeError as e:
        print('AttributeError', e)
show(P, 1)
show(P)
p2 = P(p, 5, x=9)
print(p2.func is f, p2.args, p2.keywords, p2())
p.note = 'kept'
p3 = P(p, 6)
print(p3.func is p, p3.args, p3())


class Sub(P):
    pass


s = Sub(f, 'a')
print(repr(s).startswith('__main__.Sub(<function f'), s('b'))
q = P(s, 'c')
print(q.func is f, q.args)
print(p.__reduce__()[0] is P, p.__reduce__()[2][1:])
r = P(max, 1, 5)
cls, args, state = r.__reduce__()
r = cls(*args)
r.__setstate__(state)
print(r(3), r.args, type(r).__name__)
p4 = P(print)
show(p4.__setstate__, (1, (), None, None))
show(p4.__setstate__, [])
show(p4.__setstate__, (len,))
p4.__setstate__((len, ('xyz',), None, None))
print(p4(), p4.keywords, p4.__dict__)
rec = P(f)
rec.__setstate__((f, (1,), {'me': rec}, None))
print(repr(rec).endswith(", 1, me=...)"))
print(P[int])

# cmp_to_key
key = _functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=key), type(key).__name__, type(key(1)).__name__)
print(key(1) < key(2), key(2) <= key(2), key(1) == key(1), key(3) > key(2),
      key(1) >= key(2), key(1) != key(2), key(obj=7).obj)
show(lambda: key(1) < 3)
show(key)
show(hash, key(1))
print(sorted(['b', 'A', 'c'], key=_functools.cmp_to_key(
    lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower())), reverse=True))

# The lru_cache wrapper, as CPython's functools.lru_cache makes it
lib = os.path.dirname(os.__file__)
spec = importlib.util.spec_from_file_location(
    'cpython_functools', os.path.join(lib, 'functools.py'))
ft = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ft)
print(ft.reduce is _functools.reduce, ft.partial is _functools.partial,
      ft.cmp_to_key is _functools.cmp_to_key)
calls = []


@ft.lru_cache(maxsize=2)
def square(n):
    calls.append(n)
    return n * n


print([square(i) for i in (1, 2, 1, 3, 2, 1)], calls)
print(square.cache_info(), square.cache_parameters())
square.cache_clear()
print(square.cache_info(), square.__name__, square.__wrapped__(5))


@ft.lru_cache(maxsize=None, typed=True)
def typed(x, y=0):
    calls.append((x, y))
    return x + y


calls.clear()
print(typed(1), typed(1.0), typed(1), typed(1, y=2), typed(1, y=2), typed(x=1, y=2))
print(calls, typed.cache_info())


@ft.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())


@ft.lru_cache(0)
def nothing(x):
    return x


print(nothing(1), nothing(1), nothing.cache_info())


@ft.lru_cache
def unhashable(x):
    return x


show(unhashable, [1])
print(unhashable.cache_info())


@ft.lru_cache
def boom(x):
    raise KeyError(x)


show(boom, 3)
print(boom.cache_info())


class C:
    @ft.lru_cache
    def method(self, x):
        return (type(self).__name__, x)


print(C().method(4), C.method.cache_info().misses)
show(ft.lru_cache, 3.5)
show(_functools._lru_cache_wrapper, f, 'x', False, None)
show(_functools._lru_cache_wrapper, 1, 1, False, None)
print(ft.lru_cache(maxsize=-5)(len).cache_parameters())
print(ft.partial(f, 1)(2), ft.reduce(lambda a, b: a - b, [10, 1, 2]))
pm = ft.partialmethod(f, 'pm')


class D:
    m = pm


print(D().m(1)[0][1:])

# The wrapper object: its type, binding, copying, pickling, and a recursion as deep
# as the function's own (the wrapper runs no frame of its own).
import copy
import pickle
print(type(square).__name__, type(square).__module__, type(square) is _functools._lru_cache_wrapper)
print(copy.copy(square) is square, copy.deepcopy(square) is square)
print(pickle.loads(pickle.dumps(square)) is square, square.__reduce__())


@ft.lru_cache(maxsize=None)
def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1


print(depth(900), depth.cache_info().currsize)
print(C.method.__get__(None, C) is C.method, C().method.__self__.__class__.__name__)
show(_functools._lru_cache_wrapper(len, None, False, ft._CacheInfo).__get__)
w = _functools._lru_cache_wrapper(lambda *a, **k: (a, sorted(k.items())), 1, False, ft._CacheInfo)
print(w(1, b=2, a=1), w(1, a=1, b=2), w.cache_info(), w(1, b=2, a=1), w.cache_info())
