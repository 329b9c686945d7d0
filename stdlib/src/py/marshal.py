"""marshal: CPython's serialisation of constants, for tripwire.

Values of the built-in types round-trip, and data CPython wrote (references
included) loads. Code objects cannot be marshalled: tripwire's code is not
CPython's bytecode, so `dumps` of one raises ValueError as for any unmarshallable
object. `dumps` writes no back-references (CPython adds them for objects its
reference counts show as shared), so its bytes can differ from CPython's for such
values while loading back equal.
"""

version = 4

_INT32 = 2**31


def dumps(value, version=version, /, *, allow_code=True):
    out = bytearray()
    _write(out, value, 0)
    return bytes(out)


def dump(value, file, version=version, /, *, allow_code=True):
    file.write(dumps(value, version))


# An int goes out as little-endian 15-bit digits, two bytes each. Both directions
# repack through one `to_bytes` / `from_bytes`, so a big int costs linear time
# (shifting the whole int 15 bits at a time would be quadratic).
def _digits15(n):
    raw = n.to_bytes((n.bit_length() + 7) // 8 + 2, "little")
    out = bytearray()
    for bit in range(0, n.bit_length(), 15):
        byte = bit >> 3
        window = int.from_bytes(raw[byte : byte + 3], "little")
        out += ((window >> (bit & 7)) & 0x7FFF).to_bytes(2, "little")
    return out


def _from_digits15(data):
    raw = bytearray()
    acc = 0
    bits = 0
    for i in range(0, len(data), 2):
        digit = int.from_bytes(data[i : i + 2], "little")
        if digit > 0x7FFF:
            raise ValueError("bad marshal data (digit out of range in long)")
        acc |= digit << bits
        bits += 15
        while bits >= 8:
            raw.append(acc & 0xFF)
            acc >>= 8
            bits -= 8
    if data and data[-2:] == b"\0\0":
        raise ValueError("bad marshal data (unnormalized long data)")
    raw.append(acc)
    return int.from_bytes(raw, "little")


def _write(out, v, depth):
    if depth > 2000:
        raise ValueError("object too deeply nested to marshal")
    t = type(v)
    if v is None:
        out += b"N"
    elif v is True:
        out += b"T"
    elif v is False:
        out += b"F"
    elif v is StopIteration:
        out += b"S"
    elif v is Ellipsis:
        out += b"."
    elif t is int:
        if -_INT32 <= v < _INT32:
            out += b"i" + v.to_bytes(4, "little", signed=True)
        else:
            digits = _digits15(abs(v))
            size = len(digits) // 2
            size = size if v > 0 else -size
            out += b"l" + size.to_bytes(4, "little", signed=True) + digits
    elif t is float:
        out += b"g" + _pack_double(v)
    elif t is complex:
        out += b"y" + _pack_double(v.real) + _pack_double(v.imag)
    elif t is bytes or t is bytearray or t is memoryview:
        data = bytes(v)
        out += b"s" + len(data).to_bytes(4, "little") + data
    elif t is str:
        if v.isascii():
            data = v.encode("ascii")
            if len(data) < 256:
                out += b"z" + bytes([len(data)]) + data
            else:
                out += b"a" + len(data).to_bytes(4, "little") + data
        else:
            data = v.encode("utf-8", "surrogatepass")
            out += b"u" + len(data).to_bytes(4, "little") + data
    elif t is tuple:
        if len(v) < 256:
            out += b")" + bytes([len(v)])
        else:
            out += b"(" + len(v).to_bytes(4, "little")
        for item in v:
            _write(out, item, depth + 1)
    elif t is list:
        out += b"[" + len(v).to_bytes(4, "little")
        for item in v:
            _write(out, item, depth + 1)
    elif t is dict:
        out += b"{"
        for key, item in v.items():
            _write(out, key, depth + 1)
            _write(out, item, depth + 1)
        out += b"0"
    elif t is set or t is frozenset:
        out += (b"<" if t is set else b">") + len(v).to_bytes(4, "little")
        for item in v:
            _write(out, item, depth + 1)
    else:
        raise ValueError("unmarshallable object")


def _pack_double(x):
    import _struct

    return _struct.pack("<d", x)


def loads(data, /, *, allow_code=True):
    reader = _Reader(bytes(data))
    return reader.read()


def load(file, /, *, allow_code=True):
    return loads(file.read())


class _Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.refs = []

    def take(self, n):
        if self.pos + n > len(self.data):
            raise EOFError("marshal data too short")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def int32(self):
        return int.from_bytes(self.take(4), "little", signed=True)

    def size(self):
        n = self.int32()
        if n < 0:
            raise ValueError("bad marshal data (size out of range)")
        return n

    def read(self):
        if self.pos >= len(self.data):
            raise EOFError("EOF read where object expected")
        code = self.take(1)[0]
        flag = code & 0x80
        kind = chr(code & 0x7F)
        slot = None
        if flag and kind in "(<[{>":
            # Containers are referenced before their items are read.
            slot = len(self.refs)
            self.refs.append(None)
        value = self.value(kind, slot)
        if flag and slot is None:
            self.refs.append(value)
        return value

    def value(self, kind, slot):
        if kind == "N":
            return None
        if kind == "T":
            return True
        if kind == "F":
            return False
        if kind == "S":
            return StopIteration
        if kind == ".":
            return Ellipsis
        if kind == "i":
            return self.int32()
        if kind == "l":
            size = self.int32()
            n = _from_digits15(self.take(2 * abs(size)))
            return n if size >= 0 else -n
        if kind == "g":
            return self.double()
        if kind == "y":
            return complex(self.double(), self.double())
        if kind == "s":
            return self.take(self.size())
        if kind in "au" or kind in "tAZz":
            n = self.take(1)[0] if kind in "zZ" else self.size()
            raw = self.take(n)
            if kind in "aAzZ":
                return raw.decode("latin-1")
            return raw.decode("utf-8", "surrogatepass")
        if kind in ")(":
            n = self.take(1)[0] if kind == ")" else self.size()
            return self.fill(slot, tuple(self.read() for _ in range(n)))
        if kind == "[":
            items = []
            self.fill(slot, items)
            for _ in range(self.size()):
                items.append(self.read())
            return items
        if kind == "{":
            d = {}
            self.fill(slot, d)
            while self.pos < len(self.data) and self.data[self.pos] != ord("0"):
                key = self.read()
                d[key] = self.read()
            self.take(1)
            return d
        if kind in "<>":
            n = self.size()
            items = [self.read() for _ in range(n)]
            return self.fill(slot, set(items) if kind == "<" else frozenset(items))
        if kind == "r":
            i = self.int32()
            if not 0 <= i < len(self.refs) or self.refs[i] is None:
                raise ValueError("bad marshal data (invalid reference)")
            return self.refs[i]
        if kind == "c":
            raise ValueError("bad marshal data (code objects are CPython bytecode)")
        raise ValueError("bad marshal data (unknown type code)")

    def fill(self, slot, value):
        if slot is not None:
            self.refs[slot] = value
        return value

    def double(self):
        import _struct

        return _struct.unpack("<d", self.take(8))[0]
