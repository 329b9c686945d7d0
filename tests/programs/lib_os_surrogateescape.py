# File names that are not UTF-8 round-trip through str as CPython's
# surrogateescape makes them: os.fsdecode / fsencode, listdir, scandir, open,
# and the environment.
import codecs
import os
import shutil
import tempfile

print(repr(os.fsdecode(b"caf\xe9")), os.fsencode("caf\udce9"))
print(os.fsencode(os.fsdecode(b"\xff\xfe/x")), repr(os.fsdecode(b"ok")))
top = tempfile.mkdtemp()
try:
    name = os.fsdecode(b"f\xffile")
    with open(os.path.join(top, name), "w") as f:
        f.write("hi")
    print([repr(n) for n in os.listdir(top)], os.listdir(os.fsencode(top)))
    print(os.path.exists(os.path.join(top, "f\udcffile")), open(os.path.join(top, name)).read())
    print([repr(e.name) for e in os.scandir(top)])
    os.mkdir(os.path.join(top, "d\udce9"))
    print(sorted(os.listdir(os.fsencode(top))))
finally:
    shutil.rmtree(top)
os.environ["TW_SURROGATE"] = "v\udcff"
print(repr(os.environ["TW_SURROGATE"]), os.environb[b"TW_SURROGATE"])
for bad in ["\ud800", "x\udc7f"]:
    try:
        os.fsencode(bad)
    except UnicodeEncodeError as e:
        print(e)
try:
    open("\ud800x")
except UnicodeEncodeError as e:
    print(e)
# The handlers as the codecs registry has them.
escape = codecs.lookup_error("surrogateescape")
print(escape(UnicodeDecodeError("utf-8", b"a\xff\xfe", 1, 3, "x")))
print(escape(UnicodeEncodeError("utf-8", "a\udcff\udc80", 1, 3, "x")))
passing = codecs.lookup_error("surrogatepass")
print(passing(UnicodeEncodeError("utf-8", "a\ud800", 1, 2, "x")))
print(passing(UnicodeEncodeError("utf-16-le", "a\ud800", 1, 2, "x")))
print(repr(passing(UnicodeDecodeError("utf-8", b"\xed\xa0\x80", 0, 1, "x"))))
try:
    passing(UnicodeEncodeError("ascii", "\ud800", 0, 1, "nope"))
except UnicodeEncodeError as e:
    print("refused:", e)
codecs.register_error("tw_mark", lambda e: ("<%d-%d>" % (e.start, e.end), e.end))
print("a\ud800\ud801b\udc00".encode("utf-8", "tw_mark"))
print(repr(b"a\xff\xfeb".decode("utf-8", "tw_mark")))
print(codecs.encode("x\udcff", "utf-8", "surrogateescape"))
print(repr(codecs.decode(b"x\xff", "utf-8", "surrogateescape")))
dec = codecs.getincrementaldecoder("utf-8")("surrogateescape")
print(repr(dec.decode(b"a\xe2\x82")), repr(dec.decode(b"\xacz\xff", final=True)))
