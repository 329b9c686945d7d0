# math.comb / perm / factorial over small and large arguments; big results
# are shown by their size and residues.
import math

def digest(x):
    return (x.bit_length(), x % (2**61 - 1), x % 10**9, x & 0xFFFF)

for n in range(0, 40, 3):
    print(n, [math.comb(n, k) for k in range(0, n + 2, 2)])
    print(n, [math.perm(n, k) for k in range(0, n + 2, 3)], math.factorial(n))
for n, k in [(64, 32), (65, 33), (100, 50), (1000, 37), (1000, 500), (4096, 2048),
             (10**5, 5 * 10**4), (10**5, 3), (10**5, 99997), (123457, 40000),
             (2**17 + 7, 2**16), (10**20, 1000), (2**64 + 1, 70),
             (10**30, 2), (10**30, 10**30 - 1)]:
    print(n, k, digest(math.comb(n, k)))
for n, k in [(1000, 999), (10**5, 5 * 10**4), (10**6, 1000), (10**20, 300), (2**64 + 1, 65), (7, None)]:
    print(n, k, digest(math.perm(n, k)))
for n in [100, 1000, 10**4, 54321]:
    print(n, digest(math.factorial(n)))
print(math.comb(10**5, 10**5 + 1), math.perm(5, 6), math.comb(0, 0))
for args in [(-1, 2), (5, -2), (5.0, 2), (2**70, 2**69)]:
    try:
        print(math.comb(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for args in [(-1, 2), (5, -2), (2**70, 2**64)]:
    try:
        print(math.perm(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for n in [-1, 2**64, 5.0]:
    try:
        print(math.factorial(n))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
