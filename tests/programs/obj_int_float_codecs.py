# int.to_bytes / int.from_bytes and float.hex / float.fromhex, with
# CPython's argument handling and errors.
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for n in [0, 1, 127, 128, 255, 256, 65535, -1, -128, -129, -32768, 2**64, -(2**63), 10**30]:
    for length in [0, 1, 2, 8, 16]:
        for order in ["big", "little"]:
            for signed in [False, True]:
                attempt(f"{n} {length} {order} {signed}",
                        lambda: n.to_bytes(length, order, signed=signed))
attempt("default", lambda: (5).to_bytes())
attempt("kw", lambda: (5).to_bytes(length=2, byteorder="little", signed=True))
attempt("bool", lambda: True.to_bytes())
attempt("middle", lambda: (5).to_bytes(1, "middle"))
attempt("order int", lambda: (5).to_bytes(1, 5))
attempt("negative length", lambda: (5).to_bytes(-1))
attempt("float length", lambda: (5).to_bytes(1.0))
attempt("three positional", lambda: (5).to_bytes(1, "big", True))
attempt("unknown kw", lambda: (5).to_bytes(x=1))
attempt("huge length", lambda: (5).to_bytes(2**70))
attempt("both", lambda: (5).to_bytes(1, length=1))
for data in [b"", b"\x00", b"\x01\x02", b"\xff", b"\xff\xff", b"\x80\x00", b"\x00\x80", bytes(range(20))]:
    for order in ["big", "little"]:
        print(data, order, int.from_bytes(data, order), int.from_bytes(data, order, signed=True))
attempt("list", lambda: int.from_bytes([1, 2], "little"))
attempt("default order", lambda: int.from_bytes(b"\x01\x00"))
attempt("int arg", lambda: int.from_bytes(5))
attempt("str arg", lambda: int.from_bytes("ab"))
attempt("no arg", lambda: int.from_bytes())
attempt("bad order", lambda: int.from_bytes(b"", "lit"))
attempt("range", lambda: int.from_bytes([300]))
class MyInt(int):
    pass
r = MyInt.from_bytes(b"\x05")
print(type(r).__name__, r)
for n in [2**100 + 12345, -(2**100) - 1, 2**63, -(2**63)]:
    b = n.to_bytes(20, "big", signed=True)
    print(int.from_bytes(b, "big", signed=True) == n, b.hex())

for f in [0.0, -0.0, 1.0, -1.0, 0.1, 1 / 3, 2.5, 1e308, 5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, 1.7976931348623157e308, float("inf"), float("-inf"),
          float("nan"), 123456.789, 2**-1074 * 3]:
    h = f.hex()
    back = float.fromhex(h)
    print(repr(f), h, repr(back), back == f or (back != back and f != f))
for text in ["0x1p0", "0X1P+0", "1", "-0x1.8p1", " 0x1.fffffffffffffp+1023 ", "0x1p1024",
             "0x1.fffffffffffff8p1023", "0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075",
             "0x3p-1076", "0x1.00000000000008p0", "0x1.00000000000018p0",
             "0x1.000000000000080000000001p0", "inf", "-Infinity", "nan", "-nan", "1e5",
             "0x.8", "0x8.", "0x", "", "0x1p", "0xg", "1.2.3", "0x1p+-1", "0x1p99999999999999999999",
             "0x1p-99999999999999999999", "0x0p99999", "  -0x0.0p0  ", ".", "0x1_0p0", "1p1"]:
    attempt(repr(text), lambda: float.fromhex(text))
attempt("int arg", lambda: float.fromhex(5))
class MyFloat(float):
    pass
r = MyFloat.fromhex("0x1p1")
print(type(r).__name__, r)
