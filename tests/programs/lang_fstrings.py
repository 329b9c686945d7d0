# f-strings: format specs and conversions.
n = 1234567
pi = 3.14159265
s = "hi"
print(f"[{n}] [{n:,}] [{n:_}] [{n:>12,}] [{n:<10}] [{n:^11}] [{n:*^13}]")
print(f"[{255:x}] [{255:X}] [{255:#x}] [{255:o}] [{255:#o}] [{5:b}] [{5:#010b}] [{0xdeadbeef:_x}]")
print(f"[{pi:.2f}] [{pi:8.3f}] [{pi:<8.1f}] [{pi:+.3f}] [{-pi:+.3f}] [{pi: .2f}] [{pi:010.4f}]")
print(f"[{12345.6789:e}] [{12345.6789:.2e}] [{0.000123:E}] [{1e100:.3g}] [{123456789.0:g}] [{0.5:%}] [{0.256:.1%}]")
print(f"[{s:>5}] [{s:<5}] [{s:^6}] [{s:-^7}] [{s!r}] [{s!r:>6}] [{s!s}] [{'é'!a}] [{'tab\t'!r}]")
print(f"[{42:+d}] [{-42:+d}] [{42: d}] [{42:05d}] [{-42:05d}] [{-42:=+7}] [{42:=^+7}]")
print(f"[{1234.5:,.2f}] [{1234567.891:_.1f}] [{-0.0:.1f}] [{2.5:.0f}] [{3.5:.0f}] [{1e16:.0f}]")
print(f"[{True}] [{None}] [{True:d}] [{[1, 'a']}] [{(1,)}] [{ {'k': 2} }]")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}] [{s:{'>'}{width}}] [{n:{','}}]")
x, y = 3, 4
print(f"{x + y = }, {x*y=}, {s=}, {pi=:.2f}, {s = !r}")
print(f"{'nested ' + f'{x:03}'}")
print(f"{{literal braces}} {{{x}}}")
items = ["a", "b"]
print(f"{', '.join(items)} {len(items)} {items[0].upper()} {x if x > y else y}")
print(f"{'multi'}" f"{'ple'}" "-plain")
print(f"{3.0} {1/3} {2/3:.5} {100.0:.3} {1e-7} {123456789012345678.0}")
print(f"{'abc':.2} {'abcdef':>8.3}|")
class Fancy:
    def __format__(self, spec):
        return f"Fancy<{spec}>"
    def __repr__(self):
        return "Fancy()"
    def __str__(self):
        return "fancy-str"
fz = Fancy()
print(f"{fz} {fz:xyz} {fz!r} {fz!s} {fz!a}")
print(f"{'ünï':^9}|{'日本':>4}|")
print(f"{-7 // 2} {-7 % 3} {7 % -3}")
print(f"{1_000_000:,d} {0:x} {-255:x} {-255:#x}")
print(f"{float('inf'):>6} {float('nan'):^7} {-float('inf'):.2f}")
try:
    print(f"{'str':d}")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(f"{1.5:d}")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(f"{5:,s}")
except ValueError as e:
    print(type(e).__name__, e)
