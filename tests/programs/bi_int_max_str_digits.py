# sys.set_int_max_str_digits / get_int_max_str_digits and the limit on
# decimal conversions, both directions, plus big decimal round trips.
import sys

def attempt(label, f):
    try:
        r = f()
        print(label, r if len(str(r)) < 80 else ("len", len(str(r))))
    except (ValueError, TypeError, OverflowError) as e:
        print(label, type(e).__name__, e)

print(sys.get_int_max_str_digits())
attempt("str 4300", lambda: len(str(10**4300 - 1)))
attempt("str 4301", lambda: len(str(10**4300)))
attempt("str -4300", lambda: len(str(-(10**4300 - 1))))
attempt("repr big", lambda: repr(7**9000))
attempt("format d", lambda: format(10**5000, "d"))
attempt("format ,", lambda: format(10**5000, ","))
attempt("percent d", lambda: "%d" % 10**5000)
attempt("fstring", lambda: f"{10**5000}")
attempt("hex ok", lambda: hex(10**5000)[:12])
attempt("format x ok", lambda: format(10**5000, "x")[:12])
attempt("int 4300", lambda: int("9" * 4300) % 1000)
attempt("int 4301", lambda: int("9" * 4301))
attempt("int underscores", lambda: int("1_0" * 2200))
attempt("int signs", lambda: int(" -" + "0" * 4301 + " "))
attempt("int bytes", lambda: int(b"1" * 5000))
attempt("int base 7", lambda: int("1" * 5000, 7))
attempt("int base 16 ok", lambda: int("1" * 5000, 16) % 1000)
attempt("int base 0", lambda: int("1" * 5000, 0))
attempt("int bad", lambda: int("1" * 5000 + "x"))
for v in [5, 639, -1, 2**70, "5", 2**31]:
    attempt(f"set {v!r}", lambda: sys.set_int_max_str_digits(v))
attempt("set none", lambda: sys.set_int_max_str_digits())
attempt("set kw", lambda: sys.set_int_max_str_digits(maxdigits=700))
print(sys.get_int_max_str_digits())
attempt("str 700", lambda: len(str(10**699)))
attempt("str 701", lambda: len(str(10**700)))
attempt("int 701", lambda: int("1" * 701))
sys.set_int_max_str_digits(640)
attempt("str 641", lambda: len(str(10**640)))
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits())
x = 3**200000 * 7**50000 + 12345
text = str(x)
print(len(text), text[:30], text[-30:], int(text) == x, int("-" + text) == -x)
for k in [1023, 1024, 2047, 2048, 2049, 4096, 10000, 65536, 100003]:
    p = 10**k
    print(k, len(str(p)), str(p - 1).count("9"), str(p + 1)[-3:], int(str(p * 3 + 7)) == p * 3 + 7)
y = int("123456789" * 20000)
print(y % (2**61 - 1), len(str(y)), str(y) == "123456789" * 20000)
z = int("1" + "0" * 50000 + "1")
print(z == 10**50001 + 1, str(z * z)[-10:], len(str(z * z)))
print(f"{-x:,}"[:20], f"{x:>20_}"[-20:])
sys.set_int_max_str_digits(4300)
for t in [b"12", b" 12 ", b"-0x_ff", b"1x", b"\xff1", b"1_000"]:
    for base in [10, 16, 0]:
        attempt(f"{t!r} {base}", lambda: int(t, base))
attempt("bytes plain", lambda: int(b"  -42\n"))
