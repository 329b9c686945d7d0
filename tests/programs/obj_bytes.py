# bytes basics: literals, indexing, slicing, decode, len, hex, bytes(list).
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b[::2], type(b[0]).__name__, type(b[1:2]).__name__)
print(bytes([72, 105, 33]), bytes([]), bytes(), bytes(range(65, 70)), bytes([0, 10, 13, 127, 128, 255]))
print(b.decode(), b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("utf-8"), "café".encode() == b"caf\xc3\xa9")
print(b.hex(), b"\x00\xff\x10".hex(), b"".hex(), bytes([1, 2, 254]).hex())
print(b + b" world", b * 2, b == b"hello", b != b"help", b < b"help", b"" == bytes())
print(b"ll" in b, 104 in b, 120 in b, list(b), [c for c in b"AZ"], sum(b"abc"), len(b""))
print(repr(b"\n\t\\'\""), b"\x7f\x80", b'single', b"mixed 'quote'", b'both \' and "')
print(b"abc"[1], b"abc"[1:2], b"abc"[-2:], b"abcdef"[10:], bytes(b"copy"), len(bytes(b"x" * 1000)))
for i, byte in enumerate(b"hi!"):
    print(i, byte, chr(byte))
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes([-1])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b + "str"
except TypeError as e:
    print(type(e).__name__, e)
try:
    b[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b"\xff\xfe".decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(str(b"x"), repr(b"x"), f"{b'y'}", hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])
print(bytes([104, 105]).decode().upper(), "ünï".encode(), len("ünï".encode()), "ünï".encode().decode())
