# Loops that index lists and tuples as the optimizer compiles them: reads, negative
# indexes, stores, and an index out of range raising inside the compiled loop.
def sieve(n):
    flags = [True] * n
    count = 0
    for i in range(2, n):
        if flags[i]:
            count += 1
            j = i * i
            while j < n:
                flags[j] = False
                j += i
    return count
print(sieve(100000))
def dot(a, b):
    t = 0.0
    for i in range(len(a)):
        t += a[i] * b[i]
    return t
xs = [i * 0.5 for i in range(10000)]
print(dot(xs, xs), dot(tuple(xs), xs))
def neg(a):
    t = 0
    for i in range(len(a) + 3):
        t += a[-1 - (i % len(a))]
    try:
        for i in range(len(a) + 3):
            t += a[i]
    except IndexError as e:
        print("IndexError:", e)
    return t
print(neg(list(range(1000))))
def store(n):
    out = [0] * n
    for i in range(n):
        out[i] = i * 2
        out[-1] = 7
    try:
        for i in range(n + 1):
            out[i] = i
    except IndexError as e:
        print("IndexError:", e)
    return sum(out)
print(store(5000))
