# int(str, base), literals, bit operations, bit_length.
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("777", 8), int("-101", 2), int(" 1_0 ", 10), int("10", 3))
print(0xFF, 0o777, 0b1010_1010, 1_000_000, 0x_ab)
for s, base in [("12", 2), ("9", 8), ("g", 16), ("0x10", 10), ("", 16), ("1__0", 10), ("10", 37), ("10", 1)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(10, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(12 & 10, 12 | 10, 12 ^ 10, ~12, 1 << 4, 256 >> 3, -16 >> 2, -1 >> 10)
print(-12 & 10, -12 | 10, -12 ^ 10, 5 & -1)
for n in [0, 1, 2, 7, 8, 255, 256, -1, -8, -9, 2 ** 31, 2 ** 63 - 1]:
    print(n, n.bit_length(), bin(n), hex(n), oct(n))
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 << 1
except TypeError as e:
    print(type(e).__name__, e)
flags = 0
for bit in (0, 3, 5):
    flags |= 1 << bit
print(flags, bin(flags), [b for b in range(8) if flags & (1 << b)])
flags &= ~(1 << 3)
print(flags, bin(flags))
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(i) for i in range(16)])
print(int("".join(reversed(bin(13)[2:])), 2))
print(format(10, "08b"), format(-10, "b"), format(255, "#06x"))
