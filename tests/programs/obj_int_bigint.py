# Arbitrary precision integers.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

print(2 ** 200)
print(-(2 ** 200))
print(fact(50))
print(fact(100))
print(len(str(fact(500))))
a = 2 ** 128 + 12345
b = 3 ** 70
print(a + b, a - b, b - a)
print(a * b)
print(a // 97, a % 97, -a // 97, -a % 97)
print(b // a, b % a, divmod(b, -a))
print(a ** 3)
print(a / b)
print(2 ** 1000 // 3 ** 600)
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 40 + 1))
print((2 ** 100).bit_length(), (-(2 ** 100)).bit_length(), (2 ** 100 - 1).bit_length())
print(2 ** 100 >> 90, 1 << 100, (2 ** 100) & (2 ** 100 - 1), (2 ** 100) | 1, ~(2 ** 70))
print(-(2 ** 100) >> 3, -(2 ** 100 + 1) >> 99)
print(int("123456789" * 5), int("-" + "9" * 40))
print(int("f" * 32, 16), int("1" * 80, 2))
fib = [0, 1]
for _ in range(300):
    fib.append(fib[-1] + fib[-2])
print(fib[-1])
print(pow(7, 10 ** 5, 10 ** 9 + 7), pow(123456789, 987654321, 2 ** 127 - 1))
print(10 ** 30 == 10 ** 30, 10 ** 30 < 10 ** 30 + 1, max(2 ** 70, 3 ** 44))
print(sum(range(10 ** 6)) * 10 ** 20)
big = 10 ** 25
print(float(big), big * 1.0, int(1e25), big == 1e25)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 // 10 ** 398, (10 ** 400) % 7)
print(abs(-(10 ** 50)), -(10 ** 50) < -(10 ** 49), hash(10 ** 50) == hash(10 ** 50))
print(f"{2 ** 100:,}", f"{2 ** 64:x}", f"{-(2 ** 70):_d}")
print(str(2 ** 64)[::-1], len(str(2 ** 10000)))
print(round(123456789123456789, -5), round(-55, -1), round(65, -1))
