# __defaults__ longer than the parameter list (after __code__ or __defaults__
# assignment): CPython counts the missing minimum as negative.
def f(a, b=1, c=2):
    return a
def g():
    return 0
f.__code__ = g.__code__
try:
    f()
except TypeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
def h(a, b):
    return a
h.__defaults__ = (1, 2, 3)
print(h())
try:
    h(1, 2, 3)
except TypeError as e:
    print(e)
