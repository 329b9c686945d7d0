# sys.argv: this program is run without extra arguments.
import sys
print(sys.argv[1:])
print(len(sys.argv))
print(sys.argv[0].endswith("bi_sys_argv.py"))
print(type(sys.argv).__name__, all(isinstance(a, str) for a in sys.argv))
