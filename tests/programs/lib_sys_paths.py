# sys.path as CPython builds it: the script's folder first, then the library, whose
# modules import from there; the prefix holds the library.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
print(sys.path[0] == here)
library = [p for p in sys.path if os.path.isfile(os.path.join(p, "os.py"))]
print(len(library) >= 1, sys.path.index(library[0]) > 0)
print(os.path.basename(library[0]))
print(library[0].startswith(sys.prefix), sys.exec_prefix == sys.prefix)
print(sys.base_prefix == sys.prefix)
print(os.path.isabs(sys.executable))
print(sorted(n for n in ("sys", "builtins") if n in sys.builtin_module_names))
print(type(sys.flags).__name__, sys.flags.optimize, sys.flags.isolated)
print(sys.version_info[:2], sys.version_info.major, sys.version_info.releaselevel)
print(sys.implementation.version == sys.version_info)
print(hex(sys.hexversion)[:6], sys.platlibdir)
