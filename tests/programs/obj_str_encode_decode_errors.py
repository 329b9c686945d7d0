# str.encode and bytes.decode with the standard error handlers: UTF-8, ASCII and
# Latin-1, lone surrogates, CPython's messages and error positions.
def show(f):
    try:
        print(repr(f()))
    except (UnicodeError, LookupError, TypeError) as e:
        print(type(e).__name__, e, getattr(e, "start", None), getattr(e, "end", None))


text = "a\ud800\udc80b\udcffc\ud83d"
handlers = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
            "surrogateescape", "surrogatepass"]
for enc in ["utf-8", "ascii", "latin-1"]:
    for err in handlers:
        show(lambda: text.encode(enc, err))
        show(lambda: "\xe9\udc80".encode(enc, err))
for data in [b"a\xffb", b"\xed\xa0\x80x", b"\xe2\x82", b"\xe2\x82x", b"\xf0\x9f\x98",
             b"\xc3", b"\x80\x80", b"\xf5x", b"\xed\xb2\x80", b"\xe0\x80", b"ok"]:
    for err in handlers[:4] + handlers[5:]:
        show(lambda: data.decode("utf-8", err))
    show(lambda: data.decode("ascii", "surrogateescape"))
    show(lambda: data.decode("ascii", "backslashreplace"))
    show(lambda: data.decode("latin-1", "strict"))
# Round trips.
raw = bytes(range(256))
s = raw.decode("utf-8", "surrogateescape")
print(len(s), s.encode("utf-8", "surrogateescape") == raw)
p = "x\ud800\udfff\udbff".encode("utf-8", "surrogatepass")
print(p, repr(p.decode("utf-8", "surrogatepass")))
e = None
try:
    "abc\udc00def".encode()
except UnicodeEncodeError as exc:
    e = exc
print(e.encoding, repr(e.object), e.start, e.end, e.reason)
try:
    b"ab\xc3(".decode()
except UnicodeDecodeError as exc:
    print(exc.encoding, exc.object, exc.start, exc.end, exc.reason)
show(lambda: "x".encode(1))
show(lambda: "x".encode("utf-8", 2))
show(lambda: b"x".decode(errors=3))
