# Starred unpacking, nested targets, and unpacking errors.
a, b, c = [1, 2, 3]
print(a, b, c)
first, *rest = range(5)
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = (1, 2)
print(head, mid, tail)
(p, q), [r, s] = (1, 2), [3, 4]
print(p, q, r, s)
x, (y, *z), w = 1, (2, 3, 4, 5), 6
print(x, y, z, w)
for i, (ch, num) in enumerate([("a", 1), ("b", 2)]):
    print(i, ch, num)
[m, n] = "xy"
print(m, n)
d = {"k1": 1, "k2": 2}
k1, k2 = d
print(k1, k2)
merged = [*range(3), *"ab", *{"z": 0}]
print(merged)
print((*[1, 2], 3))
print({**{"a": 1}, "b": 2, **{"a": 3}})
print({*[1, 2], *[2, 3]})
t = 1,
print(t, type(t).__name__)
single, = [42]
print(single)

def err(fn):
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

def too_few():
    a, b, c = [1, 2]
def too_many():
    a, b = [1, 2, 3]
def too_few_star():
    a, b, *c = [1]
def not_iterable():
    a, b = 5
def too_many_gen():
    a, b = (i for i in range(10))
def too_few_str():
    a, b, c, d = "abc"
err(too_few)
err(too_many)
err(too_few_star)
err(not_iterable)
err(too_many_gen)
err(too_few_str)
def empty_unpack():
    a, = []
err(empty_unpack)
def dict_too_many():
    a, = {"x": 1, "y": 2}
err(dict_too_many)

rows = [(1, 2, 3), (4, 5, 6)]
for a, *others in rows:
    print(a, others)
print([(a + c) for a, _, c in rows])
