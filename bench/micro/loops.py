"""Loops the optimizer compiles: int and float arithmetic, a sieve, a dot product,
a nested matrix loop, calls of built-ins. Compare whole runs, alternating:

    tripwire run bench/micro/loops.py
    tripwire run --opt bench/micro/loops.py
"""
import math
def squares(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total
def floats(n):
    x = 0.5
    i = 0
    while i < n:
        x = x * 0.999999 + 1.5
        i += 1
    return x
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
def dot(a, b):
    t = 0.0
    for i in range(len(a)):
        t += a[i] * b[i]
    return t
def mat(a, n):
    t = 0
    for i in range(n):
        row = a[i]
        for j in range(n):
            t += row[j] * (i - j)
    return t
def norms(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i) + abs(-i)
    return t
xs = [i * 0.5 for i in range(100000)]
a = [[i * j % 7 for j in range(300)] for i in range(300)]
print(squares(2000000), floats(2000000), sieve(1000000))
for _ in range(10):
    d = dot(xs, xs)
print(d, mat(a, 300), norms(1000000))
