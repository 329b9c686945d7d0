# math module: roots, rounding, constants, predicates.
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan)
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(10 ** 20), math.sqrt(0))
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
for v in [2.5, -2.5, 3.0, -0.5, 7, 1e300]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), type(math.floor(v)).__name__)
try:
    math.floor(math.inf)
except OverflowError as e:
    print(type(e).__name__, e)
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308), math.isnan(math.inf - math.inf))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6), math.lcm(3, 5, 7), math.lcm(0, 5))
print(math.factorial(0), math.factorial(5), math.factorial(25))
try:
    math.factorial(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.factorial(2.5)
except TypeError as e:
    print(type(e).__name__, e)
print(math.comb(5, 2), math.comb(52, 5), math.comb(10, 0), math.comb(3, 5), math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.fabs(-3), math.fabs(2.5), math.copysign(3, -0.0), math.copysign(-2, 1), math.copysign(0.0, -5))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 3), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([0.5, 4]))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))
print(math.hypot(3, 4), math.hypot(1, 1, 1), math.hypot())
print(math.degrees(math.pi), math.radians(180), math.degrees(1))
print(math.floor(-0.0), math.ceil(-0.5), math.trunc(-9.99))
