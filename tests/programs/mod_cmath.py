# cmath: every function at the special values (infinities, NaNs, signed zeros),
# across its branch cuts, near 1, at subnormal and huge arguments, with CPython's
# errors; phase, polar, rect, isclose, the predicates, log with a base, the argument
# conversions and the constants.
import cmath
import math

inf, nan = math.inf, math.nan
SPECIAL = [-inf, -2.3, -0.0, 0.0, 2.3, inf, nan]
TRICKY = [(-1e308, 1e308), (1.7e308, -1e-310), (5e-324, 5e-324), (-5e-324, -0.0),
          (1e-300, 2e-160), (0.999999, 1e-7), (1.0000001, -0.0), (1.0, 1e-170),
          (-1.0, 0.0), (-1.0, -0.0), (1.0, 0.0), (0.0, 1.0), (-0.0, -1.0),
          (0.0, 2.0), (0.0, -2.0), (-2.0, 0.0), (-2.0, -0.0), (2.0, 0.0), (2.0, -0.0),
          (0.71, 0.71), (0.6, 0.8), (709.0, 1.0), (711.0, -2.0), (-711.0, 3.0),
          (1e155, 1e155), (3e-160, -7e-160), (100.0, 1e-300), (0.5, 1e200),
          (-3.5, 2.5), (1e-20, 1e-20)]
FUNCTIONS = ['exp', 'log', 'log10', 'sqrt', 'acos', 'asin', 'atan', 'cos', 'sin',
             'tan', 'acosh', 'asinh', 'atanh', 'cosh', 'sinh', 'tanh', 'phase',
             'polar', 'isfinite', 'isinf', 'isnan']


def show(f, *args):
    try:
        return repr(f(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        return '%s(%s)' % (type(e).__name__, e)


for name in FUNCTIONS:
    f = getattr(cmath, name)
    print('==', name)
    for x in SPECIAL:
        print(' ', ' '.join(show(f, complex(x, y)) for y in SPECIAL))
    for x, y in TRICKY:
        print(' ', x, y, show(f, complex(x, y)))

print('== rect')
for r in SPECIAL:
    print(' ', ' '.join(show(cmath.rect, r, phi) for phi in SPECIAL))
for r, phi in [(1.0, math.pi), (2.0, math.pi / 2), (-1.0, 0.0), (-1.0, -0.0),
               (3.0, 1e-300), (1e308, 0.7), (0, 1e308), (5, -2)]:
    print(' ', r, phi, show(cmath.rect, r, phi))

print('== log with a base')
for z in [8, 100, -8, 1j, 0, 2 + 3j, inf, complex(0, -inf), nan]:
    print(' ', z, ' '.join(show(cmath.log, z, b) for b in [2, 10, 0.5, 1, 0, -1, 2j, inf, nan]))

print('== range of results')
for f, z in [(cmath.exp, 709.7), (cmath.exp, 710), (cmath.exp, complex(710, 1e-300)),
             (cmath.cosh, -720), (cmath.sinh, complex(720, 2)), (cmath.cos, complex(3, 720)),
             (cmath.sin, complex(-1, 720)), (cmath.tanh, 1000), (cmath.tan, complex(1, 1000)),
             (cmath.polar, complex(1e308, 1e308)), (cmath.polar, complex(1.5e308, 1.5e308)),
             (cmath.atanh, 1), (cmath.atanh, -1), (cmath.atan, 1j), (cmath.atan, -1j),
             (cmath.log, 0), (cmath.log10, -0.0), (cmath.phase, complex(1e300, 1e-300)),
             (cmath.phase, complex(1, 5e-324)), (cmath.phase, complex(-1e300, 1e-300))]:
    print(' ', f.__name__, z, show(f, z))

print('== conversions')


class HasComplex:
    def __complex__(self):
        return 2 + 3j


class BadComplex:
    def __complex__(self):
        return 5


class HasFloat:
    def __float__(self):
        return 2.5


class HasIndex:
    def __index__(self):
        return 7


class Sub(float):
    pass


for arg in [4, -4, True, 2.25, -2.25, 10**20, Sub(9.0), HasComplex(), HasFloat(),
            HasIndex(), BadComplex(), 'x', None, [1], 10**400]:
    print(' ', type(arg).__name__, show(cmath.sqrt, arg))
print(' ', type(cmath.sqrt(4)).__name__, type(cmath.phase(1)).__name__)
print(' ', show(cmath.sqrt), show(cmath.sqrt, 1, 2), show(lambda: cmath.sqrt(z=1)))
print(' ', show(cmath.log), show(cmath.log, 1, 2, 3), show(lambda: cmath.log(8, base=2)))
print(' ', show(cmath.log, 8, None), show(cmath.rect, 1), show(cmath.rect, 1j, 0),
      show(cmath.rect, 1, 'x'), show(cmath.phase, 'x'), show(cmath.isnan, None))

print('== isclose')
for a, b, kw in [(1, 1 + 1e-10, {}), (1, 1.1, {}), (1, 1.1, {'rel_tol': 0.1}),
                 (1j, 1.01j, {'rel_tol': 0.1}), (0, 1e-10, {}), (0, 1e-10, {'abs_tol': 1e-9}),
                 (inf, inf, {}), (complex(inf, 1), complex(inf, 2), {}), (nan, nan, {}),
                 (complex(inf, nan), complex(inf, nan), {}), (-inf, inf, {'abs_tol': inf}),
                 (1 + 1j, 1 + 1.000000001j, {}), (3 + 4j, 3.0000001 + 4j, {'rel_tol': 1e-8}),
                 (1, 1.5, {'rel_tol': -1}), (1, 1, {'abs_tol': -1}), (1, 2, {'rel_tol': 'x'})]:
    print(' ', a, b, kw, show(lambda: cmath.isclose(a, b, **kw)))
print(' ', show(lambda: cmath.isclose(a=1, b=1)), show(lambda: cmath.isclose(1, 2, 3)),
      show(lambda: cmath.isclose(1)), show(lambda: cmath.isclose(1, 2, tol=3)))

print('== constants')
print(' ', cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(' ', cmath.pi == math.pi, cmath.e == math.e, cmath.tau == math.tau)
print(' ', type(cmath.infj).__name__, cmath.infj.real, cmath.nanj.real, math.isnan(cmath.nanj.imag))
print(' ', sorted(n for n in dir(cmath) if not n.startswith('_')))
