# float arithmetic, mixing with int, true division.
print(7 / 2, 8 / 2, -7 / 2, 1 / 3, 2 / 3 * 3, 10 / 4)
print(type(8 / 2).__name__, type(8 // 2).__name__, type(8.0 // 2).__name__)
print(3 + 0.5, 3 * 1.5, 2 ** 0.5, 4 ** 0.5, 2 ** -2, 8 ** (1 / 3))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2))
print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300)
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * -1, 1 / inf, inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(max(1.5, 2), min(-0.0, 0.0), max(0.0, -0.0), abs(-2.5), abs(-0.0))
print(0.0 == -0.0, str(-0.0), -0.0 + 0.0, 0.0 * -1)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(-1.25, 1))
print(round(3.14159, 3), round(1234.5678, -2), round(5.5), type(round(5.5)).__name__, type(round(5.5, 0)).__name__)
print(int(2.9999), int(-0.5), float(7) == 7, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(3.0 == 3, hash(3.0) == hash(3), hash(1.5) == hash(1.5), {1.0: "a", 1: "b"})
print(1.0.__add__(2), (2.5).__truediv__(0.5), float.__mul__(2.0, 4.0))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0)
print(10 ** -2, 10.0 ** 2, 2 ** 62 * 1.0, 3 * 1.1, 1.1 + 2.2)
print(float.__name__, isinstance(1.0, float), isinstance(1, float))
print(sum([1, 2.5, 3]), sum([0.5, 0.25], 1))
print(5 // 0.3, 5 % 0.3, 1e16 + 1, 1e16 + 2)
