# Lambda expressions.
sq = lambda x: x * x
print(sq(7), sq.__name__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda: "no args")())
pairs = [(3, "c"), (1, "a"), (2, "b"), (1, "z")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
fns = {op: f for op, f in [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b)]}
for op in fns:
    print(op, fns[op](7, 3))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
cond = lambda x: "neg" if x < 0 else ("zero" if x == 0 else "pos")
print([cond(v) for v in (-2, 0, 5)])
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))
f = lambda: (yield 1)
print(list(f()))
print(type(sq).__name__, sq.__code__.co_argcount, sq.__qualname__)
def outer():
    return lambda: 42
print(outer().__qualname__)
