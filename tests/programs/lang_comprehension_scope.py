# Comprehensions run inline (PEP 709): their variables do not leak and are restored.
def f(items):
    x = "outer"
    r = [x * 2 for x in items]
    print(r, x)
    try:
        [1 / x for x in [1, 0]]
    except ZeroDivisionError:
        print("caught", x)
    print(f.__code__.co_varnames)
    print({k: v for k, v in zip("ab", [1, 2])}, {y % 3 for y in range(10)})
    print([[a, b] for a in range(2) for b in range(2) if a != b])
    print(locals().keys())
f([1, 2])
print([i for i in range(3)], "i" in dir())
class C:
    v = 5
    try:
        w = [v for _ in range(2)]
    except NameError as e:
        print("NameError", e)
z = 10
print([z + q for q in range(3)])
