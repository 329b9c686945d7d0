# Loops with unpacking, identity tests and the stack shuffles of augmented
# subscripts and swaps, as the optimizer compiles them; unpacking the wrong number
# of values raises inside the compiled loop.
def pairs(points):
    sx = sy = 0.0
    for i in range(len(points)):
        x, y = points[i]
        sx += x
        sy += y
    return sx, sy


pts = [(i * 0.5, -i) for i in range(3000)]
print(pairs(pts))
print(pairs([[1, 2]] * 3000))
try:
    pairs([(1, 2)] * 2000 + [(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)


def nones(items):
    n = 0
    for i in range(len(items)):
        if items[i] is None:
            n += 1
        if items[i] is not None:
            n += 2
    return n


print(nones([None, 1, "a", None] * 800))


def bump(n):
    counts = [0] * 10
    for i in range(n):
        counts[i % 10] += i
    return counts


print(bump(5000))


def fib(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


print(fib(90), fib(200) % 1000000007)
