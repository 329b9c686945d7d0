# Integer arithmetic including negative floor division and modulo.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 7), (-1, 7), (100, 10), (-100, 7)]
for a, b in pairs:
    print(a, b, "|", a // b, a % b, divmod(a, b), a / b, -(a // -b))
print(2 ** 10, 2 ** -1, (-2) ** 3, (-2) ** 2, -2 ** 2, 0 ** 0, 10 ** 0)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13), pow(-3, 3, 7), pow(5, -1, 7))
print(abs(-17), abs(17), -(-5), +5, ~5, ~-1)
print(int(3.9), int(-3.9), int("  42 "), int("-0"), int("+7"), int("1_000"))
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5, divmod(-7.5, 2))
print(True + 1, True * 10, False - 1, int(True))
print(1 + 2 * 3 - 4 // 2 % 3, (1 + 2) * 3, 2 ** 3 ** 2, -3 ** 2)
print(17 % 5 == 17 - 5 * (17 // 5), -17 % 5 == -17 - 5 * (-17 // 5))
for bad in [lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(5, 0), lambda: 1 / 0, lambda: 0 ** -1, lambda: 5.0 // 0, lambda: pow(2, -1, 4)]:
    try:
        print(bad())
    except (ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
print(int.__name__, type(5).__name__, isinstance(True, int), type(True) is int)
x = 0
for i in range(1, 101):
    x += i * (-1) ** i
print(x)
print(hash(5), hash(-1), hash(0), hash(2**61 - 1), hash(2**61), hash(True))
print(round(7), round(-7.0) == -7, 7 .__add__(3), (5).__mul__(2), int.__add__(1, 2))
print(3 < 4.5, 4 == 4.0, 10**20 == 1e20, 2**53 + 1 == float(2**53 + 1))
try:
    int("12a")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" - 1
except TypeError as e:
    print(type(e).__name__, e)
