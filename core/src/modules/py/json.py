"""JSON (JavaScript Object Notation) encoder and decoder.

A pure-Python implementation of the parts of CPython's ``json`` package that
programs use: ``dumps``/``dump``, ``loads``/``load``, ``JSONEncoder``,
``JSONDecoder`` and ``JSONDecodeError``.  Output and error messages follow
CPython 3.13 (which uses its C accelerator by default).
"""

# CPython's is a package: importlib (runpy, `-m json.tool`) finds its submodules
# on sys.path, as the native import does.
__path__ = []

__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

_INFINITY = float('inf')

# ---------------------------------------------------------------------------
# Errors


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ---------------------------------------------------------------------------
# Encoder

_ESCAPE_DCT = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    _ESCAPE_DCT.setdefault(chr(_i), '\\u%04x' % _i)
del _i

_HEX = '0123456789abcdef'


def _u4(n):
    return ('\\u' + _HEX[(n >> 12) & 15] + _HEX[(n >> 8) & 15]
            + _HEX[(n >> 4) & 15] + _HEX[n & 15])


def _needs_no_escape(s):
    # Native string scans instead of a loop over the characters (printable
    # characters other than the quote and the backslash are written as they are).
    return s.isprintable() and '"' not in s and '\\' not in s


def py_encode_basestring(s):
    """Return a JSON representation of a Python string."""
    if _needs_no_escape(s):
        return '"' + s + '"'
    esc = _ESCAPE_DCT
    out = None
    start = 0
    i = 0
    for c in s:
        r = esc.get(c)
        if r is not None:
            if out is None:
                out = ['"']
            if start < i:
                out.append(s[start:i])
            out.append(r)
            start = i + 1
        i += 1
    if out is None:
        return '"' + s + '"'
    if start < i:
        out.append(s[start:])
    out.append('"')
    return ''.join(out)


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    if s.isascii() and _needs_no_escape(s):
        return '"' + s + '"'
    esc = _ESCAPE_DCT
    out = None
    start = 0
    i = 0
    for c in s:
        n = ord(c)
        if 0x20 <= n < 0x7f and c != '"' and c != '\\':
            i += 1
            continue
        if out is None:
            out = ['"']
        if start < i:
            out.append(s[start:i])
        r = esc.get(c)
        if r is not None:
            out.append(r)
        elif n < 0x10000:
            out.append(_u4(n))
        else:
            n -= 0x10000
            out.append(_u4(0xd800 | ((n >> 10) & 0x3ff)))
            out.append(_u4(0xdc00 | (n & 0x3ff)))
        i += 1
        start = i
    if out is None:
        return '"' + s + '"'
    if start < i:
        out.append(s[start:])
    out.append('"')
    return ''.join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures.

    Supports dict, list, tuple, str, int, float, True, False and None (and
    their subclasses).  Override ``default`` to support other objects.
    """

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for ``o`` or raise TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string representation
        as available."""
        if _one_shot and _make_encoder is not None:
            indent = self.indent
            if indent is not None and not isinstance(indent, str):
                indent = ' ' * indent
            return _make_encoder(
                {} if self.check_circular else None, self.default,
                encode_basestring_ascii if self.ensure_ascii
                else encode_basestring,
                indent, self.key_separator, self.item_separator,
                self.sort_keys, self.skipkeys, self.allow_nan)(o, 0)
        chunks = []
        _Encoding(self, chunks).encode(o, 0)
        return iter(chunks)


def _floatstr(o, allow_nan):
    if o != o:
        text = 'NaN'
    elif o == _INFINITY:
        text = 'Infinity'
    elif o == -_INFINITY:
        text = '-Infinity'
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError(
            'Out of range float values are not JSON compliant: '
            + repr(o))
    return text


class _Encoding(object):
    """State of one encoding run: appends text pieces to ``out``."""

    def __init__(self, enc, out):
        self.out = out
        self.markers = {} if enc.check_circular else None
        self.default = enc.default
        self.encoder = (encode_basestring_ascii if enc.ensure_ascii
                        else encode_basestring)
        indent = enc.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.key_separator = enc.key_separator
        self.item_separator = enc.item_separator
        self.sort_keys = enc.sort_keys
        self.skipkeys = enc.skipkeys
        self.allow_nan = enc.allow_nan

    def encode(self, o, level):
        out = self.out
        if isinstance(o, str):
            out.append(self.encoder(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_floatstr(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self.encode_list(o, level)
        elif isinstance(o, dict):
            self.encode_dict(o, level)
        else:
            markerid = self._enter(o)
            self.encode(self.default(o), level)
            self._leave(markerid)

    def _enter(self, o):
        """Record `o` as being encoded; meeting it again inside is a cycle."""
        markers = self.markers
        if markers is None:
            return None
        markerid = id(o)
        if markerid in markers:
            raise ValueError('Circular reference detected')
        markers[markerid] = o
        return markerid

    def _leave(self, markerid):
        if markerid is not None:
            del self.markers[markerid]

    def _open(self, bracket, level):
        """Start a container at `level`: returns the text between its items and
        the text before its closing bracket (items go at level + 1)."""
        self.out.append(bracket)
        if self.indent is None:
            return self.item_separator, ''
        newline_indent = '\n' + self.indent * (level + 1)
        self.out.append(newline_indent)
        return self.item_separator + newline_indent, '\n' + self.indent * level

    def encode_list(self, lst, level):
        out = self.out
        if not lst:
            out.append('[]')
            return
        markerid = self._enter(lst)
        separator, closing = self._open('[', level)
        first = True
        for value in lst:
            if first:
                first = False
            else:
                out.append(separator)
            self.encode(value, level + 1)
        out.append(closing + ']')
        self._leave(markerid)

    def encode_dict(self, dct, level):
        out = self.out
        if not dct:
            out.append('{}')
            return
        markerid = self._enter(dct)
        item_separator, closing = self._open('{', level)
        first = True
        if self.sort_keys:
            items = sorted(dct.items())
        else:
            items = dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = _floatstr(key, self.allow_nan)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                out.append(item_separator)
            out.append(self.encoder(key))
            out.append(self.key_separator)
            self.encode(value, level + 1)
        out.append(closing + '}')
        self._leave(markerid)


# ---------------------------------------------------------------------------
# Decoder

_CONSTANTS = {
    '-Infinity': -_INFINITY,
    'Infinity': _INFINITY,
    'NaN': float('nan'),
}

_BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_HEXDIGITS = '0123456789abcdefABCDEF'


class _StopScan(StopIteration):
    """Internal: no JSON value starts at ``pos`` (a StopIteration, as the native
    scanner raises)."""

    def __init__(self, pos):
        StopIteration.__init__(self, pos)
        self.pos = pos


def _skip_ws(s, idx, n):
    while idx < n and s[idx] in _WS:
        idx += 1
    return idx


def _scanstring(s, end, strict=True):
    """Scan the string literal whose opening quote is at ``end - 1``.

    Return ``(text, index after the closing quote)``."""
    n = len(s)
    begin = end - 1
    chunks = []
    while True:
        # Find the next quote or backslash, then check the run for control
        # characters.
        q = s.find('"', end)
        if q < 0:
            q = n
        stop = s.find('\\', end, q)
        if stop < 0:
            stop = q
        if strict and end < stop and min(s[end:stop]) < ' ':
            i = end
            while s[i] >= ' ':
                i += 1
            raise JSONDecodeError('Invalid control character at', s, i)
        if stop >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if end < stop:
            chunks.append(s[end:stop])
        if s[stop] == '"':
            return ''.join(chunks), stop + 1
        # Backslash escape.
        end = stop + 1
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[end]
        if esc != 'u':
            r = _BACKSLASH.get(esc)
            if r is None:
                raise JSONDecodeError('Invalid \\escape', s, stop)
            chunks.append(r)
            end += 1
            continue
        uni = _decode_uXXXX(s, end)
        end += 5
        if 0xd800 <= uni <= 0xdbff and end + 6 < n and \
                s[end:end + 2] == '\\u':
            uni2 = _decode_uXXXX(s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        chunks.append(chr(uni))


def _decode_uXXXX(s, pos):
    # pos is the index of the 'u'.
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and pos + 5 < len(s):
        for c in esc:
            if c not in _HEXDIGITS:
                break
        else:
            return int(esc, 16)
    raise JSONDecodeError('Invalid \\uXXXX escape', s, pos)


class _Scanner(object):
    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant

    def __call__(self, s, idx):
        return self.scan_once(s, idx)

    def scan_once(self, s, idx):
        n = len(s)
        if idx < 0:
            raise ValueError('idx cannot be negative')
        if idx >= n:
            raise _StopScan(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self.parse_object(s, idx + 1)
        if c == '[':
            return self.parse_array(s, idx + 1)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        return self.parse_number(s, idx, n)

    def parse_number(self, s, start, n):
        idx = start
        if s[idx] == '-':
            idx += 1
            if idx >= n:
                raise _StopScan(start)
        c = s[idx]
        if '1' <= c <= '9':
            idx += 1
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
        elif c == '0':
            idx += 1
        else:
            raise _StopScan(start)
        is_float = False
        if idx + 1 < n and s[idx] == '.' and '0' <= s[idx + 1] <= '9':
            is_float = True
            idx += 2
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
        if idx + 1 < n and (s[idx] == 'e' or s[idx] == 'E'):
            e_start = idx
            idx += 1
            if idx + 1 < n and (s[idx] == '-' or s[idx] == '+'):
                idx += 1
            while idx < n and '0' <= s[idx] <= '9':
                idx += 1
            if '0' <= s[idx - 1] <= '9':
                is_float = True
            else:
                idx = e_start
        numstr = s[start:idx]
        if is_float:
            return self.parse_float(numstr), idx
        return self.parse_int(numstr), idx

    def parse_object(self, s, idx):
        n = len(s)
        pairs = []
        idx = _skip_ws(s, idx, n)
        if idx < n and s[idx] == '}':
            idx += 1
        else:
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError(
                        'Expecting property name enclosed in double quotes',
                        s, idx)
                key, idx = _scanstring(s, idx + 1, self.strict)
                idx = _skip_ws(s, idx, n)
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
                value, idx = self.scan_once(s, idx)
                pairs.append((key, value))
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == '}':
                    idx += 1
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                comma_idx = idx
                idx = _skip_ws(s, idx + 1, n)
                if idx < n and s[idx] == '}':
                    raise JSONDecodeError(
                        'Illegal trailing comma before end of object',
                        s, comma_idx)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), idx
        obj = dict(pairs)
        if self.object_hook is not None:
            obj = self.object_hook(obj)
        return obj, idx

    def parse_array(self, s, idx):
        n = len(s)
        values = []
        idx = _skip_ws(s, idx, n)
        if idx < n and s[idx] == ']':
            return values, idx + 1
        while True:
            value, idx = self.scan_once(s, idx)
            values.append(value)
            idx = _skip_ws(s, idx, n)
            if idx < n and s[idx] == ']':
                return values, idx + 1
            if idx >= n or s[idx] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, idx)
            comma_idx = idx
            idx = _skip_ws(s, idx + 1, n)
            if idx < n and s[idx] == ']':
                raise JSONDecodeError(
                    'Illegal trailing comma before end of array',
                    s, comma_idx)


def scanstring(s, end, strict=True):
    return _scanstring(s, end, strict)


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self)

    def decode(self, s):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document)."""
        n = len(s)
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None
        return obj, end


# The native scanner and encoder of `_json` (tripwire's standard-library crate),
# where it is present, replace the Python ones above, as CPython's C accelerator
# replaces its pure-Python json code.
try:
    import _json
except ImportError:
    _make_encoder = None
else:
    encode_basestring = _json.encode_basestring
    encode_basestring_ascii = _json.encode_basestring_ascii
    scanstring = _json.scanstring
    _Scanner = _json.make_scanner
    _make_encoder = _json.make_encoder


# ---------------------------------------------------------------------------
# Module-level functions

# CPython defines these in the json.encoder / json.decoder submodules; keep
# their reprs and traceback names identical.
JSONEncoder.__module__ = 'json.encoder'
JSONDecoder.__module__ = 'json.decoder'
JSONDecodeError.__module__ = 'json.decoder'

_default_encoder = JSONEncoder(
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    indent=None,
    separators=None,
    default=None,
)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp`` (a
    ``.write()``-supporting file-like object)."""
    if (not skipkeys and ensure_ascii and
        check_circular and allow_nan and
        cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                       check_circular=check_circular, allow_nan=allow_nan,
                       indent=indent, separators=separators,
                       default=default, sort_keys=sort_keys,
                       **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize ``obj`` to a JSON formatted ``str``."""
    if (not skipkeys and ensure_ascii and
        check_circular and allow_nan and
        cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


try:
    _BYTES_TYPES = (bytes, bytearray)
except NameError:  # tripwire has no bytearray yet
    _BYTES_TYPES = (bytes,)

_default_decoder = JSONDecoder(object_hook=None, object_pairs_hook=None)


def detect_encoding(b):
    bstartswith = b.startswith
    if bstartswith((b'\xef\xbb\xbf',)):
        return 'utf-8-sig'
    return 'utf-8'


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``fp`` (a ``.read()``-supporting file-like object
    containing a JSON document) to a Python object."""
    return loads(fp.read(),
                 cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``s`` (a ``str``, ``bytes`` or ``bytearray`` instance
    containing a JSON document) to a Python object."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError(
                'Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    else:
        if not isinstance(s, _BYTES_TYPES):
            raise TypeError(f'the JSON object must be str, bytes or '
                            f'bytearray, not {s.__class__.__name__}')
        if s[:3] == b'\xef\xbb\xbf':
            s = bytes(s[3:])
        s = bytes(s).decode('utf-8')

    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
