"""`binascii`: conversions between binary data and ASCII — hex, base64, and the
CRC-32 and CRC-CCITT checksums — with CPython's errors."""


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = Incomplete.__module__ = "binascii"

_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {c: i for i, c in enumerate(_B64)}


def _data(value, allow_str=False):
    if allow_str and isinstance(value, str):
        if not value.isascii():
            raise ValueError("string argument should contain only ASCII characters")
        return value.encode("ascii")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"a bytes-like object is required, not '{type(value).__name__}'")


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _data(data)
    if sep is None:
        return data.hex().encode("ascii")
    if isinstance(sep, (bytes, bytearray)):
        sep = bytes(sep).decode("ascii")
    if len(sep) != 1:
        raise ValueError("sep must be length 1.")
    digits = data.hex()
    if bytes_per_sep == 0 or not data:
        return digits.encode("ascii")
    step = abs(bytes_per_sep)
    pairs = [digits[i:i + 2] for i in range(0, len(digits), 2)]
    if bytes_per_sep > 0:
        first = len(pairs) % step or step
        groups = ["".join(pairs[:first])]
        groups += ["".join(pairs[i:i + step]) for i in range(first, len(pairs), step)]
    else:
        groups = ["".join(pairs[i:i + step]) for i in range(0, len(pairs), step)]
    return sep.join(groups).encode("ascii")


b2a_hex = hexlify


def unhexlify(hexstr):
    data = _data(hexstr, allow_str=True)
    if len(data) % 2:
        raise Error("Odd-length string")
    out = bytearray()
    for i in range(0, len(data), 2):
        pair = data[i:i + 2]
        try:
            out.append(int(pair.decode("ascii"), 16))
        except ValueError:
            raise Error("Non-hexadecimal digit found") from None
        if not all(chr(c) in "0123456789abcdefABCDEF" for c in pair):
            raise Error("Non-hexadecimal digit found")
    return bytes(out)


a2b_hex = unhexlify


def b2a_base64(data, /, *, newline=True):
    data = _data(data)
    out = bytearray()
    for i in range(0, len(data) - 2, 3):
        n = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63], _B64[n & 63]))
    rest = len(data) % 3
    if rest == 1:
        n = data[-1] << 16
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63])) + b"=="
    elif rest == 2:
        n = (data[-2] << 16) | (data[-1] << 8)
        out += bytes((_B64[n >> 18], _B64[(n >> 12) & 63], _B64[(n >> 6) & 63])) + b"="
    if newline:
        out.append(10)
    return bytes(out)


def a2b_base64(data, /, *, strict_mode=False):
    data = _data(data, allow_str=True)
    if strict_mode and data[:1] == b"=":
        raise Error("Leading padding not allowed")
    out = bytearray()
    quad_pos = 0
    left = 0
    pads = 0
    padding_started = False
    count = 0
    for i, c in enumerate(data):
        if c == 61:  # '='
            padding_started = True
            pads += 1
            if quad_pos >= 2 and quad_pos + pads >= 4:
                if strict_mode and i + 1 < len(data):
                    raise Error("Excess data after padding")
                return bytes(out)
            continue
        value = _B64_VALUE.get(c)
        if value is None:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        pads = 0
        count += 1
        if quad_pos == 0:
            quad_pos, left = 1, value
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((left << 2) | (value >> 4)) & 0xff)
            left = value & 0x0f
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((left << 4) | (value >> 2)) & 0xff)
            left = value & 0x03
        else:
            quad_pos = 0
            out.append(((left << 6) | value) & 0xff)
            left = 0
    if quad_pos == 1:
        raise Error("Invalid base64-encoded string: number of data characters "
                    f"({count}) cannot be 1 more than a multiple of 4")
    if quad_pos:
        raise Error("Incorrect padding")
    return bytes(out)


def _crc32_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC32 = _crc32_table()


def crc32(data, crc=0, /):
    crc = ~crc & 0xFFFFFFFF
    for b in _data(data):
        crc = _CRC32[(crc ^ b) & 0xff] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF


def crc_hqx(data, crc, /):
    crc &= 0xFFFF
    for b in _data(data):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
