"""`_codecs`: the codec registry, the error-handler registry with the standard
handlers, and the built-in codecs CPython's `encodings` package is built on
(UTF-8, Latin-1, ASCII and the charmap codecs).

The standard error handlers run natively inside `str.encode` / `bytes.decode` for
UTF-8, ASCII and Latin-1; other handlers go through the loops here, which hand
each error to the registered handler as CPython does. The UTF-16 and UTF-32 codecs
are here too.
"""

# The handlers `str.encode` and `bytes.decode` run natively.
_NATIVE_HANDLERS = frozenset(("strict", "ignore", "replace", "backslashreplace",
                              "xmlcharrefreplace", "surrogateescape", "surrogatepass"))

_search_functions = []
_cache = {}
_handlers = {}


def register(search_function, /):
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function, /):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
    _cache.clear()


def _normalize(encoding):
    return encoding.lower().replace(" ", "_")


def lookup(encoding, /):
    if not isinstance(encoding, str):
        raise TypeError(f"lookup() argument must be str, not {type(encoding).__name__}")
    key = _normalize(encoding)
    if key in _cache:
        return _cache[key]
    if not _search_functions:
        import encodings  # registers its search function, as at CPython's start-up
    for search in list(_search_functions):
        result = search(key)
        if result is None:
            continue
        if not isinstance(result, tuple) or len(result) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _cache[key] = result
        return result
    raise LookupError(f"unknown encoding: {encoding}")


def _forget_codec(encoding, /):
    _cache.pop(_normalize(encoding), None)


def _result(result, what):
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError(f"{what} must return a tuple (object, integer)")
    return result[0]


def encode(obj, encoding="utf-8", errors="strict"):
    return _result(lookup(encoding)[0](obj, errors), "encoder")


def decode(obj, encoding="utf-8", errors="strict"):
    return _result(lookup(encoding)[1](obj, errors), "decoder")


def register_error(errors, handler, /):
    if not callable(handler):
        raise TypeError("handler must be callable")
    _handlers[errors] = handler


def lookup_error(name, /):
    try:
        return _handlers[name]
    except KeyError:
        raise LookupError(f"unknown error handler name '{name}'") from None


def _wrong_type(exc):
    return TypeError(f"don't know how to handle {type(exc).__name__} in error callback")


def strict_errors(exc, /):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc, /):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return "", exc.end
    raise _wrong_type(exc)


def replace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        return "?" * (exc.end - exc.start), exc.end
    if isinstance(exc, UnicodeDecodeError):
        return "\ufffd", exc.end
    if isinstance(exc, UnicodeTranslateError):
        return "\ufffd" * (exc.end - exc.start), exc.end
    raise _wrong_type(exc)


def _escape(code):
    if code <= 0xff:
        return f"\\x{code:02x}"
    if code <= 0xffff:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def backslashreplace_errors(exc, /):
    if isinstance(exc, UnicodeDecodeError):
        return "".join(f"\\x{b:02x}" for b in exc.object[exc.start:exc.end]), exc.end
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        return "".join(_escape(ord(c)) for c in exc.object[exc.start:exc.end]), exc.end
    raise _wrong_type(exc)


def xmlcharrefreplace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        return "".join(f"&#{ord(c)};" for c in exc.object[exc.start:exc.end]), exc.end
    raise _wrong_type(exc)


def namereplace_errors(exc, /):
    if isinstance(exc, UnicodeEncodeError):
        import unicodedata
        out = []
        for c in exc.object[exc.start:exc.end]:
            name = unicodedata.name(c, None)
            out.append(_escape(ord(c)) if name is None else "\\N{" + name + "}")
        return "".join(out), exc.end
    raise _wrong_type(exc)


def surrogateescape_errors(exc, /):
    if isinstance(exc, UnicodeDecodeError):
        out = []
        for b in exc.object[exc.start:exc.end]:
            if b < 128:
                raise exc
            out.append(chr(0xdc00 + b))
        return "".join(out), exc.end
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            code = ord(c)
            if not 0xdc80 <= code <= 0xdcff:
                raise exc
            out.append(code - 0xdc00)
        return bytes(out), exc.end
    raise _wrong_type(exc)


def _surrogate_width(encoding):
    """(bytes per surrogate, byte order) of a UTF codec's name; None for others."""
    name = _normalize(encoding).replace("-", "_")
    if name in ("utf_8", "utf8"):
        return 3, None
    for base, width in (("utf_16", 2), ("utf_32", 4)):
        if name == base:
            return width, "little"
        if name in (base + "_le", base + "_be"):
            return width, "little" if name.endswith("le") else "big"
    return None


def _surrogate_bytes(code, width, order):
    if width == 3:
        return bytes((0xe0 | code >> 12, 0x80 | (code >> 6) & 0x3f, 0x80 | code & 0x3f))
    return code.to_bytes(width, order)


def surrogatepass_errors(exc, /):
    if not isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError)):
        raise _wrong_type(exc)
    shape = _surrogate_width(exc.encoding)
    if shape is None:
        raise exc
    width, order = shape
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for c in exc.object[exc.start:exc.end]:
            code = ord(c)
            if not 0xd800 <= code <= 0xdfff:
                raise exc
            out += _surrogate_bytes(code, width, order)
        return bytes(out), exc.end
    data = exc.object[exc.start:exc.start + width]
    if len(data) == width:
        if width == 3:
            code = (data[0] & 0x0f) << 12 | (data[1] & 0x3f) << 6 | data[2] & 0x3f
            valid = data[0] & 0xf0 == 0xe0 and data[1] & 0xc0 == 0x80 and data[2] & 0xc0 == 0x80
        else:
            code = int.from_bytes(data, order)
            valid = True
        if valid and 0xd800 <= code <= 0xdfff:
            return chr(code), exc.start + width
    raise exc


for _name, _handler in (("strict", strict_errors), ("ignore", ignore_errors),
                        ("replace", replace_errors),
                        ("backslashreplace", backslashreplace_errors),
                        ("xmlcharrefreplace", xmlcharrefreplace_errors),
                        ("namereplace", namereplace_errors),
                        ("surrogateescape", surrogateescape_errors),
                        ("surrogatepass", surrogatepass_errors)):
    _handlers[_name] = _handler
del _name, _handler


def _handle(errors, exc):
    """Run the handler for `exc`; (replacement, position to resume at)."""
    result = lookup_error("strict" if errors is None else errors)(exc)
    if not isinstance(result, tuple) or len(result) != 2:
        kind = "encoding" if isinstance(exc, UnicodeEncodeError) else "decoding"
        raise TypeError(f"{kind} error handler must return (str/bytes, int) tuple")
    replacement, position = result
    if position < 0:
        position += len(exc.object)
    if not 0 <= position <= len(exc.object):
        raise IndexError(f"position {position} from error handler out of bounds")
    return replacement, position


def _encode_with(text, errors, encoding, limit, reason):
    """Encode `text` one code point a byte, for code points below `limit`."""
    if not isinstance(text, str):
        raise TypeError(f"{encoding}_encode() argument 1 must be str, not {type(text).__name__}")
    if errors is None or errors in _NATIVE_HANDLERS:
        return text.encode(encoding, errors or "strict"), len(text)
    out = bytearray()
    i = 0
    n = len(text)
    while i < n:
        code = ord(text[i])
        if code < limit:
            out.append(code)
            i += 1
            continue
        end = i + 1
        while end < n and ord(text[end]) >= limit:
            end += 1
        name = "latin-1" if encoding == "latin_1" else encoding
        exc = UnicodeEncodeError(name, text, i, end, reason)
        replacement, i = _handle(errors, exc)
        if isinstance(replacement, str):
            for c in replacement:
                if ord(c) >= limit:
                    raise UnicodeEncodeError(name, text, exc.start, exc.end, reason)
                out.append(ord(c))
        else:
            out += replacement
    return bytes(out), n


def latin_1_encode(str, errors=None, /):
    return _encode_with(str, errors, "latin_1", 256, "ordinal not in range(256)")


def ascii_encode(str, errors=None, /):
    return _encode_with(str, errors, "ascii", 128, "ordinal not in range(128)")


def latin_1_decode(data, errors=None, final=False, /):
    data = bytes(data)
    return data.decode("latin-1"), len(data)


def ascii_decode(data, errors=None, final=False, /):
    data = bytes(data)
    if data.isascii():
        return data.decode("ascii"), len(data)
    if errors is None or errors in _NATIVE_HANDLERS and errors != "xmlcharrefreplace":
        return data.decode("ascii", errors or "strict"), len(data)
    out = []
    i = 0
    while i < len(data):
        b = data[i]
        if b < 128:
            out.append(chr(b))
            i += 1
            continue
        exc = UnicodeDecodeError("ascii", data, i, i + 1, "ordinal not in range(128)")
        replacement, i = _handle(errors, exc)
        out.append(replacement)
    return "".join(out), len(data)


def utf_8_encode(str, errors=None, /):
    if not isinstance(str, type("")):
        raise TypeError(f"utf_8_encode() argument 1 must be str, not {type(str).__name__}")
    if errors is None or errors in _NATIVE_HANDLERS:
        return str.encode("utf-8", errors or "strict"), len(str)
    out = bytearray()
    i = 0
    n = len(str)
    while i < n:
        if not 0xd800 <= ord(str[i]) <= 0xdfff:
            out += str[i].encode("utf-8")
            i += 1
            continue
        end = i + 1
        while end < n and 0xd800 <= ord(str[end]) <= 0xdfff:
            end += 1
        exc = UnicodeEncodeError("utf-8", str, i, end, "surrogates not allowed")
        replacement, i = _handle(errors, exc)
        if isinstance(replacement, type("")):
            try:
                out += replacement.encode("utf-8")
            except UnicodeEncodeError:
                raise exc from None
        else:
            out += replacement
    return bytes(out), n


def _utf8_sequence(data, i):
    """The length of the valid UTF-8 sequence at data[i], or (0, reason, bad length)."""
    b = data[i]
    if b < 0x80:
        return 1, None, 0
    if 0xc2 <= b <= 0xdf:
        need, low, high = 1, 0x80, 0xbf
    elif 0xe0 <= b <= 0xef:
        need = 2
        low, high = {0xe0: (0xa0, 0xbf), 0xed: (0x80, 0x9f)}.get(b, (0x80, 0xbf))
    elif 0xf0 <= b <= 0xf4:
        need = 3
        low, high = {0xf0: (0x90, 0xbf), 0xf4: (0x80, 0x8f)}.get(b, (0x80, 0xbf))
    else:
        return 0, "invalid start byte", 1
    for k in range(need):
        j = i + 1 + k
        if j >= len(data):
            return 0, "unexpected end of data", k + 1
        c = data[j]
        if not (low <= c <= high if k == 0 else 0x80 <= c <= 0xbf):
            return 0, "invalid continuation byte", k + 1
    return need + 1, None, 0


def utf_8_decode(data, errors=None, final=False, /):
    data = bytes(data)
    if final and (errors is None or errors in _NATIVE_HANDLERS
                  and errors != "xmlcharrefreplace"):
        return data.decode("utf-8", errors or "strict"), len(data)
    try:
        return data.decode("utf-8"), len(data)
    except UnicodeDecodeError:
        pass
    out = []
    start = i = 0
    n = len(data)
    while i < n:
        size, reason, bad = _utf8_sequence(data, i)
        if size:
            i += size
            continue
        if reason == "unexpected end of data" and not final:
            break
        out.append(data[start:i].decode("utf-8"))
        exc = UnicodeDecodeError("utf-8", data, i, i + bad, reason)
        replacement, i = _handle(errors, exc)
        out.append(replacement)
        start = i
    out.append(data[start:i].decode("utf-8"))
    return "".join(out), i


def charmap_build(map, /):
    return {ord(c): i for i, c in enumerate(map)}


def charmap_encode(str, errors=None, mapping=None, /):
    if mapping is None:
        return latin_1_encode(str, errors)
    out = bytearray()
    i = 0
    n = len(str)
    while i < n:
        target = mapping.get(ord(str[i]))
        if target is not None:
            out += bytes([target]) if isinstance(target, int) else target
            i += 1
            continue
        exc = UnicodeEncodeError("charmap", str, i, i + 1, "character maps to <undefined>")
        replacement, i = _handle(errors, exc)
        for c in replacement if isinstance(replacement, type("")) else []:
            code = mapping.get(ord(c))
            if code is None:
                raise exc
            out += bytes([code]) if isinstance(code, int) else code
        if not isinstance(replacement, type("")):
            out += replacement
    return bytes(out), n


def charmap_decode(data, errors=None, mapping=None, /):
    data = bytes(data)
    if mapping is None:
        return latin_1_decode(data, errors)
    out = []
    i = 0
    while i < len(data):
        try:
            target = mapping[data[i]]
        except (IndexError, KeyError, LookupError):
            target = None
        if isinstance(target, int):
            target = chr(target)
        if target is None or target == "\ufffe":
            exc = UnicodeDecodeError("charmap", data, i, i + 1, "character maps to <undefined>")
            replacement, i = _handle(errors, exc)
            out.append(replacement)
            continue
        out.append(target)
        i += 1
    return "".join(out), len(data)


def _unit_codec_name(base, byteorder):
    return base + ("-le" if byteorder < 0 else "-be" if byteorder > 0 else "")


def _utf_encode(text, errors, byteorder, width, base):
    """UTF-16 (`width` 2) or UTF-32 (4): a BOM first unless `byteorder` is -1
    (little-endian) or 1 (big-endian); 0 is this machine's order, little."""
    if not isinstance(text, type("")):
        name = f"{base.replace('-', '_')}{'_le' if byteorder < 0 else '_be' if byteorder > 0 else ''}"
        raise TypeError(f"{name}_encode() argument 1 must be str, not {type(text).__name__}")
    order = "big" if byteorder > 0 else "little"
    name = _unit_codec_name(base, byteorder)
    out = bytearray(b"" if byteorder else (0xfeff).to_bytes(width, order))
    i = 0
    n = len(text)
    while i < n:
        code = ord(text[i])
        if not 0xd800 <= code <= 0xdfff:
            if width == 2 and code > 0xffff:
                code -= 0x10000
                out += (0xd800 | code >> 10).to_bytes(2, order)
                out += (0xdc00 | code & 0x3ff).to_bytes(2, order)
            else:
                out += code.to_bytes(width, order)
            i += 1
            continue
        exc = UnicodeEncodeError(name, text, i, i + 1, "surrogates not allowed")
        replacement, i = _handle(errors, exc)
        if isinstance(replacement, type("")):
            if not replacement.isascii():
                raise exc
            for c in replacement:
                out += ord(c).to_bytes(width, order)
        else:
            if len(replacement) % width:
                raise exc
            out += replacement
    return bytes(out), n


def _detect_bom(data, byteorder, width):
    """(byteorder, bytes of BOM) at the start of `data` when `byteorder` is 0."""
    if byteorder or len(data) < width:
        return byteorder, 0
    if data[:width] == (0xfeff).to_bytes(width, "little"):
        return -1, width
    if data[:width] == (0xfeff).to_bytes(width, "big"):
        return 1, width
    return 0, 0


def _utf16_step(data, i, big, final):
    """The code point at `data[i]`: (char, size), or (None, end of the error,
    reason); None when more data may complete it and this is not the final call."""
    n = len(data)
    if n - i < 2:
        return (None, n, "truncated data") if final else None
    unit = data[i] << 8 | data[i + 1] if big else data[i + 1] << 8 | data[i]
    if not 0xd800 <= unit <= 0xdfff:
        return chr(unit), 2
    if unit >= 0xdc00:
        return None, i + 2, "illegal encoding"
    if n - i < 4:
        return (None, n, "unexpected end of data") if final else None
    low = data[i + 2] << 8 | data[i + 3] if big else data[i + 3] << 8 | data[i + 2]
    if 0xdc00 <= low <= 0xdfff:
        return chr(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)), 4
    return None, i + 2, "illegal UTF-16 surrogate"


def _utf32_step(data, i, big, final):
    """As `_utf16_step`, for UTF-32."""
    n = len(data)
    if n - i < 4:
        return (None, n, "truncated data") if final else None
    code = int.from_bytes(data[i:i + 4], "big" if big else "little")
    if 0xd800 <= code <= 0xdfff:
        return None, i + 4, "code point in surrogate code point range(0xd800, 0xe000)"
    if code >= 0x110000:
        return None, i + 4, "code point not in range(0x110000)"
    return chr(code), 4


def _utf_decode(data, errors, byteorder, final, width):
    """(text, bytes consumed, byte order found) of UTF-16 or UTF-32 data; a BOM
    is looked for when `byteorder` is 0."""
    if isinstance(data, (type(""), int)):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    data = bytes(data)
    byteorder, i = _detect_bom(data, byteorder, width)
    big = byteorder > 0
    name = ("utf-16" if width == 2 else "utf-32") + ("-be" if big else "-le")
    step = _utf16_step if width == 2 else _utf32_step
    out = []
    n = len(data)
    while i < n:
        found = step(data, i, big, final)
        if found is None:
            break
        if found[0] is not None:
            out.append(found[0])
            i += found[1]
            continue
        exc = UnicodeDecodeError(name, data, i, found[1], found[2])
        replacement, i = _handle(errors, exc)
        out.append(replacement)
    return "".join(out), i, byteorder


def utf_16_encode(str, errors=None, byteorder=0, /):
    return _utf_encode(str, errors, byteorder, 2, "utf-16")


def utf_16_le_encode(str, errors=None, /):
    return _utf_encode(str, errors, -1, 2, "utf-16")


def utf_16_be_encode(str, errors=None, /):
    return _utf_encode(str, errors, 1, 2, "utf-16")


def utf_32_encode(str, errors=None, byteorder=0, /):
    return _utf_encode(str, errors, byteorder, 4, "utf-32")


def utf_32_le_encode(str, errors=None, /):
    return _utf_encode(str, errors, -1, 4, "utf-32")


def utf_32_be_encode(str, errors=None, /):
    return _utf_encode(str, errors, 1, 4, "utf-32")


def utf_16_ex_decode(data, errors=None, byteorder=0, final=False, /):
    return _utf_decode(data, errors, byteorder, final, 2)


def utf_16_decode(data, errors=None, final=False, /):
    return _utf_decode(data, errors, 0, final, 2)[:2]


def utf_16_le_decode(data, errors=None, final=False, /):
    return _utf_decode(data, errors, -1, final, 2)[:2]


def utf_16_be_decode(data, errors=None, final=False, /):
    return _utf_decode(data, errors, 1, final, 2)[:2]


def utf_32_ex_decode(data, errors=None, byteorder=0, final=False, /):
    return _utf_decode(data, errors, byteorder, final, 4)


def utf_32_decode(data, errors=None, final=False, /):
    return _utf_decode(data, errors, 0, final, 4)[:2]


def utf_32_le_decode(data, errors=None, final=False, /):
    return _utf_decode(data, errors, -1, final, 4)[:2]


def utf_32_be_decode(data, errors=None, final=False, /):
    return _utf_decode(data, errors, 1, final, 4)[:2]


class _Unbound:
    """A codec function that stays unbound as a class attribute, as CPython's C
    functions do (`encodings` keeps them as `_buffer_decode = codecs.utf_8_decode`)."""

    def __init__(self, func):
        self._func = func
        self.__name__ = self.__qualname__ = func.__name__
        self.__doc__ = func.__doc__

    def __call__(self, *args, **kwargs):
        return self._func(*args, **kwargs)

    def __repr__(self):
        return f"<built-in function {self.__name__}>"


for _name in ("utf_8_encode", "utf_8_decode", "latin_1_encode", "latin_1_decode",
              "ascii_encode", "ascii_decode", "charmap_encode", "charmap_decode",
              "charmap_build", "utf_16_encode", "utf_16_le_encode", "utf_16_be_encode",
              "utf_32_encode", "utf_32_le_encode", "utf_32_be_encode", "utf_16_decode",
              "utf_16_le_decode", "utf_16_be_decode", "utf_16_ex_decode", "utf_32_decode",
              "utf_32_le_decode", "utf_32_be_decode", "utf_32_ex_decode"):
    globals()[_name] = _Unbound(globals()[_name])
del _name
