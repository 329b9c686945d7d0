# io.StringIO: write, getvalue, read, readline, print(file=...).
import io
import sys
buf = io.StringIO()
n = buf.write("hello ")
m = buf.write("world\n")
print(n, m, repr(buf.getvalue()))
print("printed line", 42, file=buf)
print("a", "b", sep="-", end="!\n", file=buf)
print(repr(buf.getvalue()))
print(buf.getvalue().count("\n"), len(buf.getvalue()))
r = io.StringIO("line one\nline two\n\nline four")
print(repr(r.readline()), repr(r.readline()), repr(r.readline()), repr(r.readline()), repr(r.readline()))
r2 = io.StringIO("abcdef")
print(r2.read(2), r2.read(3), r2.read(10), repr(r2.read(1)), repr(r2.read()))
r3 = io.StringIO("all of it\nin one go\n")
print(repr(r3.read()), repr(r3.read()), repr(r3.readline()))
r4 = io.StringIO("first\nsecond")
print(repr(r4.readline()), repr(r4.read()))
empty = io.StringIO()
print(repr(empty.getvalue()), repr(empty.read()), repr(empty.readline()))
saved = sys.stdout
capture = io.StringIO()
sys.stdout = capture
print("captured output")
print(1, 2, 3, sep=",")
sys.stdout = saved
print("restored; captured =", repr(capture.getvalue()))
lines = io.StringIO()
for i in range(3):
    lines.write(f"row {i}\n")
print(lines.getvalue().splitlines())
report = io.StringIO()
for name, score in [("ann", 91.5), ("bob", 78.25)]:
    print(f"{name:<5}{score:>8.2f}", file=report)
print(report.getvalue(), end="")
print(type(buf).__name__, isinstance(buf.getvalue(), str))
