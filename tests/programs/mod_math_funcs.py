# math module: logs, exponentials, trigonometry.
import math
print(math.log(1), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(1024, 2))
print(math.log2(8), math.log2(1024), math.log2(3), math.log10(1000), math.log10(2), math.log10(0.001))
print(math.log(2 ** 1000), math.log10(10 ** 50), math.log2(2 ** 200))
for bad in [lambda: math.log(0), lambda: math.log(-1), lambda: math.log10(-5), lambda: math.log2(0)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
print(math.exp(0), math.exp(1), math.exp(2), math.exp(-1), math.exp(0.5))
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__, e)
print(math.sin(0), math.sin(math.pi / 2), math.cos(0), math.cos(math.pi))
print(math.sin(math.pi / 6), math.cos(math.pi / 3))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(1, 0), math.atan2(0, 0), math.atan2(-0.0, -1))
print(round(math.sin(1.234), 12), round(math.cos(2.5), 12), round(math.exp(3.3), 9))
angles = [0, 30, 45, 60, 90, 180, 270, 360]
for a in angles:
    r = math.radians(a)
    print(a, round(math.sin(r), 10), round(math.cos(r), 10), round(math.degrees(math.atan2(math.sin(r), math.cos(r))), 6))
print(math.sqrt(math.inf), math.exp(-math.inf), math.isnan(math.sin(math.nan)))
try:
    math.sin(math.inf)
except ValueError as e:
    print(type(e).__name__, e)
print(math.hypot(5, 12), math.hypot(-3, 4), math.hypot(1.5), round(math.hypot(1, 1), 12))
print(math.pow(2, 0.5) == math.sqrt(2), math.pow(10, -2), math.pow(0, 0), math.pow(-2, 2))
try:
    math.pow(-8, 1 / 3)
except ValueError as e:
    print(type(e).__name__, e)
