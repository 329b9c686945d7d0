# print with sep, end, file; sys.stdout.write.
import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" <- continued", end="!\n")
print()
print(1, 2.5, None, True, [1], (2,), {"k": "v"}, sep=" | ")
print(*range(5))
print(*range(5), sep="-", end=".\n")
print("to stderr (not captured)", file=sys.stderr)
print("explicit stdout", file=sys.stdout)
print("sep None", "uses space", sep=None)
print("end None", end=None)
print("multi\nline")
n = sys.stdout.write("written directly\n")
print(n)
sys.stdout.write("part1 ")
sys.stdout.write("part2\n")
print("", end="")
print("tab\tseparated")
print("unicode: äöü €", "emoji 😀")
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=[])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = Writer()
print("captured", 42, file=w, sep="+")
print(w.parts)
print(repr("string"), str("string"))
print(*"abc", sep="\n")
print(*[], sep="x")
print("flush", flush=True)
