# *args and **kwargs in definitions and calls.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"

print(show())
print(show(1, 2, 3))
print(show(a=1, b=2))
print(show(*[1, 2], *(3,), x=1, **{"y": 2, "z": 3}))
print(show(*"abc"))
print(show(*range(3), **dict(k="v")))

def total(first, *rest):
    s = first
    for r in rest:
        s += r
    return s

print(total(1), total(1, 2, 3), total("a", "b", "c"), total([1], [2]))

def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)

print(apply(max, 3, 9, 2))
print(apply(sorted, [3, 1, 2], reverse=True))
print(apply(dict, [("a", 1)], b=2))

def kw_only(*, x, y=10):
    return x * y

print(kw_only(x=3))
print(kw_only(y=2, x=4))

def forward(*a, **k):
    return show(*a, **k)
print(forward(1, k=2))

args = (1, 2)
kwargs = {"c": 3}
def three(a, b, c):
    return a * 100 + b * 10 + c
print(three(*args, **kwargs))
print(three(1, *[2], **{"c": 9}))

# kwargs order is preserved
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3))

# star in unpacking targets in calls with generators
print(show(*(i * i for i in range(4))))

def star_types(*a, **k):
    return type(a).__name__, type(k).__name__
print(star_types())
