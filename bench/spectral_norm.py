"""Spectral norm: estimate the largest singular value of an infinite matrix.

The matrix A has entries a(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
computed on the fly by a small function.  Power iteration multiplies a
vector by A and by A-transpose; each product is written as a generator
expression feeding sum() over zip()-ed sequences.
The estimate converges to 1.274224...; it is printed with nine decimals.
"""

import math


def entry(i, j):
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)


def times_a(vec):
    n = len(vec)
    cols = range(n)
    return [sum(entry(i, j) * x for j, x in zip(cols, vec)) for i in range(n)]


def times_at(vec):
    n = len(vec)
    rows = range(n)
    return [sum(entry(j, i) * x for j, x in zip(rows, vec)) for i in range(n)]


def times_ata(vec):
    return times_at(times_a(vec))


def dot(u, v):
    return sum(x * y for x, y in zip(u, v))


N = 360
ITERATIONS = 10


def main():
    u = [1.0] * N
    v = u
    for _ in range(ITERATIONS):
        v = times_ata(u)
        u = times_ata(v)
    norm = math.sqrt(dot(u, v) / dot(v, v))
    print(f"spectral_norm(n={N}, iterations={ITERATIONS}): {norm:.9f}")


if __name__ == "__main__":
    main()
