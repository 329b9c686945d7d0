# The native _stat under CPython's stat module: constants, the file-type tests,
# S_IMODE / S_IFMT and filemode, with CPython's argument errors.
import _stat
import os
import stat

print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
names = sorted(n for n in dir(_stat) if n.isupper())
print(len(names), [(n, getattr(_stat, n)) for n in names if not callable(getattr(_stat, n))])
for mode in [0o100755, 0o040700, 0o120777, 0o020644, 0o060600, 0o010600,
             0o140755, 0o104755, 0o102711, 0o041777, 0o041776, 0o106644,
             0o170000, 0, True, 2**31]:
    print(oct(mode), _stat.filemode(mode), _stat.S_IMODE(mode), _stat.S_IFMT(mode),
          [f(mode) for f in (_stat.S_ISDIR, _stat.S_ISCHR, _stat.S_ISBLK,
                             _stat.S_ISREG, _stat.S_ISFIFO, _stat.S_ISLNK,
                             _stat.S_ISSOCK, _stat.S_ISDOOR, _stat.S_ISPORT,
                             _stat.S_ISWHT)])
st = os.stat(os.path.dirname(os.path.abspath(__file__)))
print(stat.S_ISDIR(st.st_mode), stat.filemode(st.st_mode)[0])
for bad in [2**32, 2**40, 2**63, 2**64, -1, -2**70, 1.5, '7', None]:
    for f in (_stat.S_ISDIR, _stat.filemode, _stat.S_IMODE):
        try:
            f(bad)
        except (TypeError, OverflowError) as e:
            print(f.__name__, type(e).__name__, e)
for call in [lambda: _stat.S_ISDIR(), lambda: _stat.filemode(1, 2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
