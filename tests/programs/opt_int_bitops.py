# Int bit operations in a compiled loop: the unit's 64-bit fast path must hand
# every result that needs more bits (or raises) back to the interpreter.
def bitops(values, shifts):
    out = []
    for x in values:
        for s in shifts:
            out.append((x & 0xFF, x | s, x ^ s, x << s, x >> s))
    return out

values = [0, 1, -1, 5, -5, 2**62, -2**62, 2**63 - 1, -2**63, 12345678901234]
shifts = [0, 1, 3, 62, 63, 64, 100]
rows = bitops(values, shifts)
print(len(rows))
for row in rows[::7]:
    print(row)
print(sum(r[3] for r in rows) % 1000003, sum(r[4] for r in rows))

def accumulate(n):
    h = 0
    for i in range(n):
        h = ((h << 5) ^ (h >> 3) ^ i) & 0xFFFFFFFF
    return h
print(accumulate(100000))

def negative_shift(xs):
    total = 0
    for x in xs:
        total += 1 << x
    return total
try:
    negative_shift([1, 2, 3, -1])
except ValueError as e:
    print("ValueError:", e)
print(negative_shift(list(range(70))) == 2**70 - 1)
