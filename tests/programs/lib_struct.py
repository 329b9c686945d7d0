# struct: sizes and alignment per byte order, packing and unpacking every format
# code, Struct objects, the buffer functions, and struct.error's messages.
import struct


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


codes = "xcbB?hHiIlLqQnNefdspP"
for order in ("@", "=", "<", ">", "!"):
    sizes = []
    for c in codes:
        try:
            sizes.append((c, struct.calcsize(order + c), struct.calcsize(order + "b" + c)))
        except struct.error as e:
            sizes.append((c, str(e)))
    print(order, sizes)
show("calcsize mixed", lambda: (struct.calcsize("bhiq"), struct.calcsize("<bhiq"), struct.calcsize("3s2xi"), struct.calcsize("0i")))
show("ints le", lambda: struct.pack("<bBhHiIqQ", -1, 255, -2, 65535, -3, 4294967295, -4, 2 ** 64 - 1))
show("ints be", lambda: struct.pack(">hHiI", 258, 258, 16909060, 16909060))
show("native", lambda: struct.pack("@bi", 1, 2))
show("unpack le", lambda: struct.unpack("<bBhHiIqQ", struct.pack("<bBhHiIqQ", -1, 255, -2, 65535, -3, 4294967295, -4, 2 ** 64 - 1)))
show("bool char", lambda: (struct.pack("??c", 0, [1], b"z"), struct.unpack("??c", b"\x00\x05z")))
show("floats", lambda: (struct.pack("<d", 1.5), struct.pack(">f", -2.25), struct.pack("<e", 0.5)))
show("float round", lambda: (struct.unpack("<f", struct.pack("<f", 0.1)), struct.unpack(">d", struct.pack(">d", 0.1))))
show("half", lambda: [struct.unpack("<e", struct.pack("<e", v))[0] for v in (1.0, -2.5, 65504.0, 6e-8, 1e-3, 0.0, -0.0, float("inf"))])
show("half bits", lambda: [struct.pack(">e", v).hex() for v in (1.0, 0.333, 65519.0, 5.96e-8, 3.0e-5)])
show("half overflow", lambda: struct.pack("e", 1e10))
show("f big", lambda: struct.pack("<f", 1e300))
show("f big native", lambda: struct.pack("f", 1e300))
show("strings", lambda: (struct.pack("5s", b"ab"), struct.pack("2s", b"abcd"), struct.pack("4p", b"abcdef"), struct.pack("0s", b"x")))
show("unpack strings", lambda: struct.unpack("3s4p", b"abc\x02xyz"))
show("repeat", lambda: (struct.pack("3b", 1, 2, 3), struct.unpack("<2h", b"\x01\x00\x02\x00")))
show("pad", lambda: struct.pack("b3xb", 1, 2))
show("spaces", lambda: struct.calcsize("< i  h"))
show("index arg", lambda: struct.pack("i", True))
show("bytes format", lambda: struct.pack(b"<h", 7))
show("from bytearray", lambda: struct.unpack("<I", bytearray(b"\x01\x02\x03\x04")))
show("from memoryview", lambda: struct.unpack("<H", memoryview(b"\xff\x00")))

s = struct.Struct("<ih")
print("Struct", s.format, s.size, repr(s), s.pack(7, -1), s.unpack(b"\x07\x00\x00\x00\xff\xff"))
print("Struct bytes", struct.Struct(b">H").format)
buf = bytearray(10)
struct.pack_into("<hh", buf, 2, 1, -1)
s.pack_into(buf, 4, 5, 6)
print("pack_into", buf)
print("unpack_from", struct.unpack_from("<h", buf, 2), s.unpack_from(buf, offset=4), struct.unpack_from("<h", buf, -2))
print("iter_unpack", list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")), list(s.iter_unpack(b"")))

show("range b", lambda: struct.pack("b", 128))
show("range B", lambda: struct.pack("B", -1))
show("range H", lambda: struct.pack("<H", 65536))
show("range l", lambda: struct.pack("<l", 2 ** 31))
show("range q", lambda: struct.pack("q", 2 ** 63))
show("range Q", lambda: struct.pack("Q", -1))
show("not int", lambda: struct.pack("i", 1.5))
show("none", lambda: struct.pack("i", None))
show("not float", lambda: struct.pack("f", "x"))
show("char", lambda: struct.pack("c", b"ab"))
show("char str", lambda: struct.pack("c", "a"))
show("s int", lambda: struct.pack("s", 1))
show("s str", lambda: struct.pack("s", "a"))
show("too few", lambda: struct.pack("ii", 1))
show("too many", lambda: struct.pack("x", 1))
show("bad char", lambda: struct.calcsize("z"))
show("native only", lambda: struct.calcsize("<n"))
show("count only", lambda: struct.calcsize("3"))
show("unpack size", lambda: struct.unpack("i", b"12"))
show("unpack_from short", lambda: struct.unpack_from("i", b"12345", 3))
show("unpack_from neg", lambda: struct.unpack_from("i", b"1234", -9))
show("pack_into short", lambda: struct.pack_into("i", bytearray(3), 0, 1))
show("iter size", lambda: list(struct.iter_unpack("i", b"12345")))
show("iter empty", lambda: struct.iter_unpack("", b""))
show("Struct type", lambda: struct.Struct(1))
show("error", lambda: (struct.error.__module__, issubclass(struct.error, Exception)))
