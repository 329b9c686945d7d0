# str.format and format().
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Bo", age=7))
print("{0[0]} {0[1]} {1[key]}".format(["x", "y"], {"key": "v"}))
class P:
    def __init__(self):
        self.x, self.y = 3, 4
print("{p.x},{p.y}".format(p=P()))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "mid"))
print("{:08.3f} {:,} {:b} {:o} {:#X} {:e}".format(3.14159, 9876543210, 10, 64, 3054, 0.5))
print("{!r} {!s} {!a}".format("s", "s", "ö"))
print("{0:{1}}|".format("w", 6))
print("{:{fill}{align}{width}}".format("dyn", fill="~", align="^", width=9))
print("{{}} {{{}}}".format("in braces"))
print(format(3.14159, ".3f"), format(42, "05d"), format("s", ">3"), format(255, "x"), format(1e6, ",.1f"))
print(format(0.125, ".2%"), format(-5, "+"), format(5, "+"), format(True), format(None))
print(format(12, ""), format(1.0, ""), format([1], ""))
print("{:,}".format(-1234567.125), "{:_}".format(123456789))
print("{:.3}".format("truncate"), "{:10.2}|".format("ab cd"))
print("{:g} {:g} {:g} {:g}".format(1.0, 1e-5, 123456789.0, 0.0001))
print("{:.2g} {:.10g} {:d}".format(1234.5, 1/3, 1234))
print("{:c}".format(9731 - 9000), "{:5c}|".format(65))
print("{:=10.2f}|{:=+10d}".format(-3.5, 42))
for bad in ["{0} {2}", "{", "{x}", "{:q}"]:
    try:
        print(bad.format("a", "b"))
    except (IndexError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print("{} {}".format(*range(2)), "{a}{b}".format(**{"a": 1, "b": 2}))
print("{0.real}".format(5))
print("{:>{w}.{p}f}".format(2.718281828, w=10, p=4))
