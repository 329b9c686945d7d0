# chr, ord, hex, oct, bin, format, str/int/float/bool/list/tuple/dict/set constructors.
print(chr(65), chr(122), chr(0x263A), ord("A"), ord("\n"), ord("ñ"), [ord(c) for c in "AZaz09"])
print(hex(0), hex(255), hex(-255), oct(8), oct(-8), bin(0), bin(5), bin(-5), hex(2 ** 64))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(format(1234.5678, ".2f"), format(1234.5678, ",.1f"), format(42, "b"), format(42, "o"), format(42, "x"),
      format(42, "X"), format(42, "#b"), format(0.25, "%"), format(42, "^9"), format("s", "*<4"), format(-42, "010"))
print(format(3e-5), format(1e21), format(123), format("x"), format(True, "d"), format(65, "c"))
print(str(1), str(1.0), str(-0.0), str(True), str(None), str([1, "a"]), str((1,)), str({1: "b"}))
print(int("42"), int(" -3 "), int(4.99), int(-4.99), int(True), int("1010", 2), int("z", 36))
print(float("3.5"), float(" -2 "), float(7), float("-inf"), float("1e3"), float(False))
print(bool(0), bool(0.0), bool(""), bool("False"), bool([]), bool([0]), bool({}), bool(None), bool(range(0)))
print(list("abc"), list((1, 2)), list({1: "a", 2: "b"}), list(range(3)), list({1: 1}.items()))
print(tuple([1, 2]), tuple("ab"), tuple({"k": 1}), tuple(range(0)))
print(dict([("a", 1), ("b", 2)]), dict(a=1), dict([["x", 1]]), dict(zip("ab", "cd")), dict({}, z=0))
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(set("hello")), sorted(set([3, 1, 3])), set(), frozenset({1}), sorted(set({"a": 1, "b": 2})))
print(list(map(int, "123")), [int(c, 16) for c in "af"], "".join(map(chr, [104, 105])))
print(str(b"abc", "utf-8"), bytes("hi", "utf-8"), list(b"hi"), bytes([104, 105]).decode())
print(int(float("1e10")), float(int("9" * 17)), int(float(2 ** 53 + 1)))
print(repr(int("0")), repr(float("0")), repr(str(0)), ascii("ü"), repr(chr(7)))
