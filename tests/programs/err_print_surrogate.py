# A str with a lone surrogate cannot be written to stdout: CPython's
# UnicodeEncodeError, after what came before it in the same print.
import sys

sys.stdout.write("first line\n")
try:
    sys.stdout.write("x\ud800\udbffy")
except UnicodeEncodeError as e:
    print("caught:", e, e.start, e.end)
print("ok", repr("\ud800"))
print("before", "\ud800")
