# repr/str of many floats.
vals = [0.1 + 0.2, 0.1, 0.2, 0.3, 1/3, 2/3, 1e16, 1e15, 123456789012345.6, 1e-5, 1e-4, 0.0001234,
        1.5e300, 1e22, 1e23, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
        float("inf"), float("-inf"), float("nan"), -0.0, 0.0, 1.0, -1.5, 100.0, 3.0e10,
        1/7, 22/7, 2**0.5, 10/3, 9007199254740993.0, 0.5, 0.25, 1e100, 12345678.9, 4.35, 2.675,
        1.1 * 3, 0.1 * 3, 3.3, 1e-7, 123e-20, 1234567890123456789.0, 0.000001, 0.0000001]
for v in vals:
    print(repr(v), str(v))
print(float("1e500"), float("-1e500"), float("1e-500"), float("  3.25 "), float("1_000.5"))
print(float("inf") - float("inf"), float("inf") * 0, -float("nan"))
print(float("Infinity"), float("-iNF"), float("nan") != float("nan"), float(".5"), float("5."))
print(float(3), float(True), float(-7), float(2**60))
for bad in ["abc", "", "1e", "0x10", "1.2.3"]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print([0.1 * i for i in range(1, 8)])
print(sum([0.1] * 10), 0.1 * 10)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(0.1 + 0.7, 4.4 - 1.1, 2.3 * 3, 9.95 / 10)
print(float(0.1) == 0.1, 0.1 * 3 == 0.3, 1e16 + 1 == 1e16, repr(-1e-300 * 1e-300))
