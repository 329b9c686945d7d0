# sys module basics.
import sys
print(sys.version_info[:2] >= (3, 13), sys.version_info[0], type(sys.version_info[:2]).__name__)
print(sys.maxsize == 2 ** 63 - 1, sys.maxsize > 2 ** 31)
print(isinstance(sys.path, list), all(isinstance(p, str) for p in sys.path))
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
n = sys.stdout.write("via sys.stdout.write\n")
print(n)
sys.stderr.write("stderr is not compared\n")
def who():
    return sys._getframe(0).f_code.co_name
print(who(), sys._getframe().f_code.co_name)
a = sys.intern("interned-" + "string")
b = sys.intern("interned-string")
print(a is b, a == b)
print("sys" in sys.modules, sys.modules["sys"] is sys, "__main__" in sys.modules)
print(type(sys.argv).__name__, len(sys.argv) >= 1)
print(sys.stdout is not None, hasattr(sys.stdout, "write"))
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit caught with code", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit caught with code", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit caught with code", e.code)
print("done")
