# functools: reduce, partial, wraps, cmp_to_key.
from functools import reduce, partial, wraps, cmp_to_key
import functools
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6)), reduce(lambda a, b: a + b, ["a", "b", "c"]))
print(reduce(operator.add, [], 0), reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []), reduce(max, [3, 9, 2]))
try:
    reduce(operator.add, [])
except TypeError as e:
    print(type(e).__name__, e)
print(reduce(lambda acc, d: {**acc, **d}, [{"a": 1}, {"b": 2}, {"a": 3}]))

def power(base, exponent, mod=None):
    return pow(base, exponent, mod)
square = partial(power, exponent=2)
cube_mod = partial(power, exponent=3, mod=10)
two_to = partial(power, 2)
print(square(7), cube_mod(7), two_to(10), square(3, exponent=3))
print(square.func is power, square.args, square.keywords, two_to.args)
int_base2 = partial(int, base=2)
print(int_base2("1101"), int_base2("11", base=3))
nested = partial(partial(power, 3), 4)
print(nested(), nested.args)
print(list(map(partial(operator.mul, 10), [1, 2, 3])))

def logged(fn):
    @wraps(fn)
    def inner(*args, **kwargs):
        """inner docstring"""
        return ("logged", fn(*args, **kwargs))
    return inner

@logged
def compute(x, y=1):
    """Compute something."""
    return x * y

print(compute(3, y=4), compute.__name__, compute.__doc__, compute.__wrapped__(2))
def plain_deco(fn):
    def inner():
        return fn()
    return inner
@plain_deco
def named():
    """doc of named"""
print(named.__name__, named.__doc__)
named.attribute = 1
@wraps(named)
def copy_of():
    pass
print(copy_of.__name__, copy_of.attribute, copy_of.__qualname__)

def compare_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
words = ["pear", "fig", "apple", "kiwi", "date", "banana"]
print(sorted(words, key=cmp_to_key(compare_len_then_alpha)))
print(sorted(words, key=cmp_to_key(lambda a, b: compare_len_then_alpha(b, a))))
print(max(words, key=cmp_to_key(compare_len_then_alpha)), min([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(lambda a, b: a - b)
print(K(1) < K(2), K(2) == K(2), K(3) > K(1))
print(functools.reduce(lambda x, y: x * 10 + y, [1, 2, 3, 4]))
