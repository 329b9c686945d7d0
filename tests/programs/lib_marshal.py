# marshal round-trips the built-in types, loads what CPython wrote (with
# back-references), and refuses what it cannot marshal; it also lets importlib's
# bootstrap import, hence inspect and dataclasses.
import marshal

values = [
    None, True, False, Ellipsis, StopIteration, 0, -1, 2**31 - 1, -2**31, 2**31, -2**70,
    10**40, 1.5, -0.0, float("inf"), 3 + 4j, b"bytes", "ascii", "x" * 300, "héllo ☃",
    (1, 2), tuple(range(300)), [1, [2, [3]]], {"a": 1, 2: (3, 4)}, {1, 2}, frozenset("ab"),
    (), [], {},
]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    shown = sorted(back) if isinstance(back, (set, frozenset)) else back
    print(type(back).__name__, back == v or (v != v), repr(shown)[:40])

# Bytes written by CPython 3.13 (marshal.dumps(x) for each x), references included.
cpython = {
    "shared": b"[\x02\x00\x00\x00\xda\x01ar\x00\x00\x00\x00",
    "dict": b"{\xda\x01k\xe9\x01\x00\x00\x00\xda\x02k2\xa9\x000",
    "int": b"\xe9\x07\x00\x00\x00",
    "long": b"\xec\x03\x00\x00\x00\x00\x00\x00\x00\x04\x00",
    "float": b"\xe7\x00\x00\x00\x00\x00\x00\xf8?",
}
for name, data in cpython.items():
    print(name, marshal.loads(data))

for bad in [object(), lambda: 0, b"", b"\xff"]:
    try:
        if isinstance(bad, bytes):
            marshal.loads(bad)
        else:
            marshal.dumps(bad)
    except (ValueError, EOFError, TypeError) as e:
        print(type(e).__name__, e)

import inspect
import dataclasses


@dataclasses.dataclass
class Point:
    x: int
    y: int = 2


print(Point(1), inspect.isclass(Point), marshal.version)

# Big ints go out and come back in linear time (this one has 100,000 15-bit
# digits), with CPython's bytes (but for the reference flag CPython sets on a
# shared object's type code); malformed digits are refused as CPython refuses them.
import binascii

for big in (7**770000, -(1 << 1_500_000) + 12345, 2**31, -(2**31) - 1, 2**45 - 1):
    data = marshal.dumps(big)
    print(len(data), chr(data[0] & 0x7F), binascii.crc32(data[1:]), marshal.loads(data) == big)
for bad in (b"l\x01\x00\x00\x00\x00\x80", b"l\x02\x00\x00\x00\x01\x00\x00\x00"):
    try:
        marshal.loads(bad)
    except ValueError as e:
        print("ValueError", e)
