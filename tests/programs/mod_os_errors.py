# OSError subclasses by errno, and the IOError / EnvironmentError aliases.
import os
for name in ["FileExistsError", "PermissionError", "IsADirectoryError", "NotADirectoryError", "BrokenPipeError", "TimeoutError"]:
    cls = __builtins__.__dict__[name] if isinstance(__builtins__, type(os)) else __builtins__[name]
    print(name, [c.__name__ for c in cls.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
d = "_oe_tmp_dir"
os.mkdir(d)
try:
    os.mkdir(d)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    os.listdir("oe_missing_dir")
except OSError as e:
    print(type(e).__name__, e)
try:
    os.listdir(__file__)
except NotADirectoryError as e:
    print(type(e).__name__, e.errno)
os.rmdir(d)
