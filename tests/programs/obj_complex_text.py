# complex: repr and str (signs of zeros, nan, inf, exponents), complex() from numbers,
# strings and __complex__, and __format__ with its errors.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


inf, nan = float("inf"), float("nan")
for c in [0j, -0j, 1j, -1j, 1 + 2j, -1.5 - 2.5j, complex(0.0, -0.0), complex(-0.0, 0.0),
          complex(-0.0, -0.0), complex(inf, -inf), complex(nan, -nan), complex(1, nan),
          1e20 + 1e-5j, 1e16j, 1e15j, 123456789.125j, complex(1e-320, 5e-324), 2.5 + 0j]:
    print(repr(c), str(c), f"{c}")
print([1j, (1 + 1j,)], {"k": -2j})

for text in ["1+2j", "  ( 1+2j )  ", "(1+2j", "1+2", "j", "-j", "+J", "1e3j", "1E3J",
             "inf-nanj", "-infinityj", "nan", "1_000+2_0j", "1__0", "", " ", "1+2jj",
             " 1 + 2j", "1.5e-3-2.5E+2J", "+1.5", "(1)", "()", "1-j", "1+j", "2.j", ".5j",
             "1e", "1+2ej", "j1", "(1+2j))", "\t3j\n", "１２j"]:
    show("parse " + repr(text), lambda: complex(text))

show("no args", lambda: complex())
show("one int", lambda: complex(5))
show("two", lambda: complex(1, 2))
show("floats", lambda: complex(1.5, -0.0))
show("zero neg", lambda: complex(0, -0.0))
show("kw", lambda: complex(real=1, imag=2))
show("kw imag", lambda: complex(imag=3))
show("c c", lambda: complex(1j, 1j))
show("c i", lambda: complex(complex(1, 2), 3))
show("i c", lambda: complex(1, 2j))
show("same", lambda: (lambda z: complex(z) is z)(1 + 2j))
show("bool", lambda: complex(True, False))
show("str str", lambda: complex("1", "2"))
show("str 2", lambda: complex("1", 2))
show("2 str", lambda: complex(1, "2"))
show("none", lambda: complex(None))
show("none 2", lambda: complex(1, None))
show("bytes", lambda: complex(b"1"))
show("list", lambda: complex([1]))
show("big", lambda: complex(2 ** 2000))
show("3 args", lambda: complex(1, 2, 3))
show("bad kw", lambda: complex(x=1))


class Num:
    def __complex__(self):
        return 4 - 3j


class FloatLike:
    def __float__(self):
        return 2.5


class Idx:
    def __index__(self):
        return 7


class Bad:
    def __complex__(self):
        return 4


show("__complex__", lambda: complex(Num()))
show("__complex__ imag", lambda: complex(1, Num()))
show("__float__", lambda: complex(FloatLike(), FloatLike()))
show("__index__", lambda: complex(Idx()))
show("bad __complex__", lambda: complex(Bad()))
show("new", lambda: complex.__new__(complex, 2))

for spec in ["", ".2f", "20", "<20", "^16", "x<16", ">12.1f", "g", "G", "e", "E", "+.3e",
             ".3", "+", "+.2", "#", " ", "-", " .2f", ",.2f", "_.1f", "n", "F", "=10", "010",
             "d", "%", "s", "z.1f", ".0f", "#.0e", "10.3g"]:
    row = []
    for c in [1 + 2j, 1.5 - 2.25j, 2j, -0.0 - 0.0j, 12345.678 + 1e-7j, complex(inf, nan)]:
        try:
            row.append(format(c, spec))
        except Exception as e:
            row.append(f"{type(e).__name__}: {e}")
            break
    print(repr(spec), row)
print(f"{1+2j:>14} {3j!r:>6} {1.25-1j:.1f}")
print("%s %r" % (1j, 1 - 1j))
