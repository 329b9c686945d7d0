# Three-argument pow with a modulus of 400,000 bits and short exponents (as
# CPython, a few multiplications: no set-up that costs seconds), negative ones
# through the inverse, and a negative modulus.
M = int("f" * 100000, 16)
for a, e in ((2, -1), (3, 2), (3, 5), (5, 1), (7, 0), (-4, -3), (M - 1, 2), (M + 5, 3)):
    r = pow(a, e, M)
    print(a % 1000, e, r.bit_length(), r % 1000003)
print(pow(2, -1, -M) % 1000003, pow(10, 20, -M) == 10**20 - M)
print(pow(2, -1, M) * 2 % M)
