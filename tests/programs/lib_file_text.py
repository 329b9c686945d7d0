# Text and binary files written and read back through open(): modes, encodings,
# newline translation, seek / tell, line reading, and the errors CPython raises.
import io
import os

base = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"tw_lib_file_text_{os.getpid()}")
os.mkdir(base)
path = os.path.join(base, "data.txt")


def show(label, value):
    print(f"{label}: {value!r}")


try:
    # Writing and reading back in each encoding.
    for encoding in ("utf-8", "latin-1", "ascii", "cp1252"):
        text = "plain line\nsecond line\n" if encoding == "ascii" else "caf\xe9 \xfc\nna\xefve\n"
        with open(path, "w", encoding=encoding) as f:
            show(f"write {encoding}", f.write(text))
            show("encoding", f.encoding)
        with open(path, "rb") as f:
            show("bytes", f.read())
        with open(path, encoding=encoding) as f:
            show("read back", f.read())

    # Newline translation on output and input.
    for newline in (None, "", "\n", "\r", "\r\n"):
        with open(path, "w", newline=newline) as f:
            f.write("one\ntwo\r\nthree\rfour\n")
        with open(path, "rb") as f:
            show(f"written newline={newline!r}", f.read())
    with open(path, "wb") as f:
        f.write(b"a\nb\r\nc\rd\r\n\re")
    for newline in (None, "", "\n", "\r", "\r\n"):
        with open(path, newline=newline) as f:
            show(f"lines newline={newline!r}", f.readlines())
            show("newlines", f.newlines)
    with open(path) as f:
        show("read(3)", f.read(3))
        show("read(4)", f.read(4))
        show("rest", f.read())

    # Lines: iteration, readline(size), readlines, writelines.
    with open(path, "w") as f:
        f.writelines(["alpha\n", "beta\n", "gamma delta\n", "last"])
    with open(path) as f:
        show("iterated", [line for line in f])
    with open(path) as f:
        show("readline(3)", f.readline(3))
        show("readline()", f.readline())
        show("readline(0)", f.readline(0))
        show("readline(100)", f.readline(100))
        show("readlines(8)", f.readlines(8))
        show("readlines()", f.readlines())
        show("at end", f.readline())

    # seek / tell in text and binary mode.
    with open(path, "w", encoding="utf-8") as f:
        f.write("h\xe9llo\nw\xf6rld\n")
        show("tell after write", f.tell())
    with open(path, encoding="utf-8") as f:
        show("tell at start", f.tell())
        first = f.readline()
        mark = f.tell()
        show("line, tell", (first, mark))
        show("read", f.read())
        f.seek(mark)
        show("after seek", f.read())
        show("seek end", f.seek(0, 2))
        f.seek(0)
        for line in f:
            try:
                f.tell()
            except OSError as e:
                show("tell while iterating", str(e))
            break
    with open(path, "rb") as f:
        show("binary seek", (f.seek(3), f.read(4), f.tell(), f.seek(-2, 2), f.read()))
        show("seek cur", (f.seek(-5, 1), f.read(2)))

    # Appending, exclusive creation, update modes.
    with open(path, "a") as f:
        f.write("appended\n")
    with open(path, "r+") as f:
        show("r+ read", f.readline())
        f.seek(0)
        f.write("H")
        f.seek(0)
        show("r+ after write", f.read())
    with open(path, "w+b") as f:
        f.write(b"0123456789")
        f.seek(2)
        show("w+b", (f.read(3), f.tell()))
        f.write(b"xy")
        f.seek(0)
        show("w+b all", f.read())
        show("truncate", f.truncate(4))
        f.seek(0)
        show("truncated", f.read())
    try:
        open(path, "x")
    except FileExistsError as e:
        show("x mode", (type(e).__name__, e.errno, e.strerror))

    # Attributes of the layers.
    with open(path) as f:
        show("types", (type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__))
        show("mode", (f.mode, f.buffer.mode, f.buffer.raw.mode))
        show("name ok", f.name == path and f.buffer.name == path)
        show("fileno is int", isinstance(f.fileno(), int))
        show("readable/writable/seekable", (f.readable(), f.writable(), f.seekable()))
        show("isinstance io", (isinstance(f, io.TextIOBase), isinstance(f.buffer, io.BufferedIOBase),
                               isinstance(f.buffer.raw, io.RawIOBase), isinstance(f, io.IOBase)))
    show("closed after with", f.closed)
    for mode in ("rb", "wb", "ab", "r+b", "xb"):
        target = path if mode != "xb" else os.path.join(base, "new.bin")
        with open(target, mode) as f:
            show(f"mode {mode}", (type(f).__name__, f.mode, f.raw.mode))
    with open(path, "rb", buffering=0) as f:
        show("unbuffered", type(f).__name__)

    # Errors and their messages.
    def error(label, thunk):
        try:
            thunk()
        except Exception as e:
            print(f"{label}: {type(e).__name__}: {str(e).replace(base, 'BASE')}")

    missing = os.path.join(base, "missing.txt")
    error("missing", lambda: open(missing).name == missing or None)
    error("directory", lambda: open(base))
    closed = open(path)
    closed.close()
    error("closed read", closed.read)
    error("closed readline", closed.readline)
    error("closed iter", lambda: next(closed))
    error("closed write", lambda: closed.write("x"))
    error("closed tell", closed.tell)
    with open(path, "w") as f:
        error("not readable", f.read)
        error("write bytes", lambda: f.write(b"bytes"))
    with open(path) as f:
        error("not writable", lambda: f.write("x"))
    with open(path, "rb") as f:
        error("binary write", lambda: f.write(b"x"))
        error("nonzero cur seek", lambda: open(path).seek(1, 1))
    error("bad mode", lambda: open(path, "rw"))
    error("bad mode 2", lambda: open(path, "q"))
    error("text and binary", lambda: open(path, "rbt"))
    error("binary encoding", lambda: open(path, "rb", encoding="utf-8"))
    error("bad newline", lambda: open(path, newline="x"))
    error("unknown encoding", lambda: open(path, encoding="no-such-codec"))
    error("unbuffered text", lambda: open(path, buffering=0))
    with open(path, "wb") as f:
        f.write(b"ok \xff\xfe bad")
    with open(path, encoding="utf-8") as f:
        error("decode", f.read)
    with open(path, encoding="utf-8", errors="replace") as f:
        show("replace", f.read())
    with open(path, encoding="ascii", errors="ignore") as f:
        show("ignore", f.read())
    with open(path, "w", encoding="ascii") as f:
        error("encode", lambda: f.write("caf\xe9"))
    with open(path, "w", encoding="latin-1", errors="replace") as f:
        f.write("\u20ac and \xe9")
    with open(path, "rb") as f:
        show("encode replace", f.read())

    # A file left open is flushed when it is dropped.
    f = open(path, "w")
    f.write("written, never closed\n")
    del f
    with open(path) as f:
        show("dropped file", f.read())

    # In-memory streams.
    s = io.StringIO("first\nsecond\n")
    show("StringIO", (s.readline(), s.tell(), s.read(), s.getvalue()))
    b = io.BytesIO()
    b.write(b"abc")
    b.seek(1)
    show("BytesIO", (b.read(), b.getvalue()))
    wrapped = io.TextIOWrapper(io.BytesIO("w\xe9\r\nx".encode("utf-8")), encoding="utf-8")
    show("TextIOWrapper over BytesIO", wrapped.read())
finally:
    for name in sorted(os.listdir(base)):
        os.remove(os.path.join(base, name))
    os.rmdir(base)
print("cleaned up:", not os.path.exists(base))
