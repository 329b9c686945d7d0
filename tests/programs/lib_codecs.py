# _codecs under CPython's codecs and encodings: lookup, encode / decode with the
# standard error handlers, incremental UTF-8 decoding, charmap codecs (cp1252), and
# the Unicode errors' attributes and messages.
import codecs


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("lookup", lambda: (codecs.lookup("UTF-8").name, codecs.lookup("latin1").name, codecs.lookup("cp1252").name))
show("unknown", lambda: codecs.lookup("utf-99"))
show("utf8", lambda: (codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9llo", "utf-8")))
show("latin1", lambda: (codecs.encode("héllo", "latin-1"), codecs.decode(b"h\xe9llo", "latin-1")))
show("ascii strict", lambda: codecs.encode("héllo", "ascii"))
show("ascii replace", lambda: codecs.encode("héllo€", "ascii", "replace"))
show("ascii ignore", lambda: codecs.encode("héllo", "ascii", "ignore"))
show("ascii xml", lambda: codecs.encode("h€llo", "ascii", "xmlcharrefreplace"))
show("ascii backslash", lambda: codecs.encode("h€llo\U0001f600", "ascii", "backslashreplace"))
show("latin1 strict", lambda: codecs.encode("a€€b", "latin-1"))
show("utf8 bad", lambda: codecs.decode(b"a\xffb", "utf-8"))
show("utf8 replace", lambda: codecs.decode(b"a\xffb\xe2\x82", "utf-8", "replace"))
show("utf8 ignore", lambda: codecs.decode(b"a\xe2\x41b", "utf-8", "ignore"))
show("utf8 backslash", lambda: codecs.decode(b"a\xff\xfe", "utf-8", "backslashreplace"))
show("utf8 truncated", lambda: codecs.decode(b"ab\xe2\x82", "utf-8"))
show("ascii decode", lambda: codecs.decode(b"a\x80b", "ascii", "replace"))
show("cp1252", lambda: (codecs.encode("€‚", "cp1252"), codecs.decode(b"\x80\x82", "cp1252")))
show("cp1252 undefined", lambda: codecs.decode(b"\x81", "cp1252"))
show("cp1252 enc undefined", lambda: codecs.encode("\u0100", "cp1252"))
dec = codecs.getincrementaldecoder("utf-8")()
show("incremental", lambda: [dec.decode(b"\xe2"), dec.decode(b"\x82"), dec.decode(b"\xac!", final=True)])
show("utf_8_decode partial", lambda: codecs.utf_8_decode(b"a\xe2\x82", None, False))
show("bad handler", lambda: codecs.encode("é", "ascii", "nope"))
show("lookup_error", lambda: codecs.lookup_error("strict") is codecs.strict_errors)


def skip(exc):
    return ("<?>", exc.end)


codecs.register_error("test.skip", skip)
show("custom handler", lambda: codecs.encode("aéb", "ascii", "test.skip"))
e = UnicodeEncodeError("ascii", "aé€", 1, 3, "ordinal not in range(128)")
print(e, "|", e.encoding, e.object, e.start, e.end, e.reason)
e = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(e, "|", e.object, e.start, e.end)
print(UnicodeEncodeError("ascii", "\U0001f600", 0, 1, "r"), "|", UnicodeTranslateError("\u1234", 0, 1, "no"))
