# Text read through TextIOWrapper with errors='surrogateescape' keeps each
# undecodable byte as a lone surrogate (read, read(n), readline, iteration, with
# newline translation and with newline=''), writes back to the same bytes, and
# tell/seek land on the same text.
import os
import tempfile

DATA = b"ab\xff\xfecd\r\n\x80x\r\ny\xc3\xa9\xe9\n\xfflast"
path = os.path.join(tempfile.mkdtemp(), "t.bin")
with open(path, "wb") as f:
    f.write(DATA)


def opened(**kw):
    return open(path, encoding="utf-8", errors="surrogateescape", **kw)


with opened() as f:
    whole = f.read()
print(ascii(whole), len(whole))
print(whole.encode("utf-8", "surrogateescape"))
with opened(newline="") as f:
    raw = f.read()
print(ascii(raw), raw.encode("utf-8", "surrogateescape") == DATA)
with opened() as f:
    print([ascii(line) for line in f])
with opened() as f:
    print([ascii(f.read(3)) for _ in range(6)])
with opened() as f:
    print(ascii(f.readline()), ascii(f.readline(2)), ascii(f.readline()))
with opened() as f:
    f.readline()
    mark = f.tell()
    rest = f.read()
    f.seek(mark)
    print(ascii(f.read()) == ascii(rest), ascii(rest))
copy = path + ".copy"
with open(copy, "w", encoding="utf-8", errors="surrogateescape", newline="") as out:
    with opened(newline="") as f:
        for line in f:
            out.write(line)
with open(copy, "rb") as f:
    print(f.read() == DATA)
with open(path, encoding="utf-8", errors="replace") as f:
    print(ascii(f.read()))
