# Three-argument pow: negative exponents use the modular inverse and the
# result takes the sign of the modulus.
vals = [0, 1, 2, 3, 5, 10, -1, -2, -3, -7, 12, 2**70 + 1, -(3**50)]
mods = [1, 2, 3, 7, 10, 13, -1, -2, -7, -13, 2**64 + 13, -(2**61 - 1)]
exps = [0, 1, 2, 3, 5, 100, -1, -2, -5, 2**80]
for m in mods:
    row = []
    for a in vals:
        for e in exps:
            try:
                row.append(str(pow(a, e, m)))
            except ValueError as err:
                row.append("VE" if "invertible" in str(err) else str(err))
    print(m, " ".join(row))
print(pow(3, -1, -7), pow(3, -1, 7), pow(-3, -1, 7), pow(-3, -1, -7))
for args in [(2, 3, 0), (2, -1, 4), (0, -1, 5), (2, 3, 1.0), (2.0, 3, 5)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
