# functools.lru_cache and cache with cache_info().
from functools import lru_cache, cache

calls = []

@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(30), len(calls))
print(fib.cache_info())
print(fib(30), len(calls), fib.cache_info().hits)
fib.cache_clear()
print(fib.cache_info())

@lru_cache(maxsize=3)
def square(x):
    print("computing", x)
    return x * x

for v in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    print(v, square(v))
print(square.cache_info())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)

@lru_cache
def no_parens(a, b=0):
    print("no_parens computing", a, b)
    return a + b
no_parens(1)
no_parens(1)
no_parens(1, 0)
no_parens(1, b=0)
no_parens(b=0, a=1)
print(no_parens.cache_info())

@cache
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 2) + ways(n - 3)
print(ways(50), ways.cache_info())

@lru_cache(maxsize=2)
def typed_default(x):
    return type(x).__name__
print(typed_default(1), typed_default(1.0), typed_default.cache_info())

@lru_cache(maxsize=None)
def needs_hashable(x):
    return x
try:
    needs_hashable([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
print(fib.__name__, fib.__wrapped__.__name__)

@lru_cache(maxsize=0)
def never_cached(x):
    return x
never_cached(1)
never_cached(1)
print(never_cached.cache_info())
