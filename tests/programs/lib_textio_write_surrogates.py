# A text file written with lone surrogates: its error handler decides (bytes back
# through surrogateescape, CPython's UnicodeEncodeError under strict).
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "f")
with open(path, "w", errors="surrogateescape", newline="\r\n") as f:
    f.write("a\udcffb\nc\udcfe\n")
print(open(path, "rb").read())
with open(path, "w", encoding="latin-1", errors="backslashreplace") as f:
    f.write("\ud800\xe9\u20ac")
print(open(path, "rb").read())
try:
    with open(path, "w") as f:
        f.write("ok\ud800")
except UnicodeEncodeError as e:
    print(e)
os.remove(path)
os.rmdir(os.path.dirname(path))
