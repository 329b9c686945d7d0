"""The accelerators of CPython's json package: scanstring, the Scanner made by
make_scanner, the Encoder made by make_encoder, and the string escapers. The scanning
and encoding are native (_json_engine); these classes hold their settings."""

import _json_engine
from _json_engine import encode_basestring, encode_basestring_ascii


def _error(msg, doc, pos):
    # Looked up when needed: json.decoder imports this module. The json package
    # gives the class (CPython's, or tripwire's bundled json module).
    import json
    return json.JSONDecodeError(msg, doc, pos)


def scanstring(string, end, strict=True):
    """scanstring(string, end, strict=True) -> (string, end)

Scan the string s for a JSON string. End is the index of the
character in s after the quote that started the JSON string.
Unescapes all valid JSON string escape sequences and raises ValueError
on attempt to decode an invalid string. If strict is False then literal
control characters are allowed in the string.

Returns a tuple of the decoded string and the index of the character in s
after the end quote."""
    return _json_engine.scanstring(string, end, strict, _error)


class Scanner:
    """JSON scanner object"""

    __slots__ = ('strict', 'object_hook', 'object_pairs_hook', 'parse_float',
                 'parse_int', 'parse_constant')

    def __init__(self, context):
        self.strict = bool(context.strict)
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant

    def __call__(self, string, idx):
        return _json_engine.scan(string, idx, self.strict, self.object_hook,
                                 self.object_pairs_hook, self.parse_float,
                                 self.parse_int, self.parse_constant, _error)


make_scanner = Scanner


class Encoder:
    """Encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)"""

    __slots__ = ('markers', 'default', 'encoder', 'indent', 'key_separator',
                 'item_separator', 'sort_keys', 'skipkeys', 'allow_nan')

    def __init__(self, markers, default, encoder, indent, key_separator,
                 item_separator, sort_keys, skipkeys, allow_nan):
        if markers is not None and type(markers) is not dict:
            raise TypeError("make_encoder() argument 1 must be dict or None, "
                            f"not {type(markers).__name__}")
        for n, sep in ((5, key_separator), (6, item_separator)):
            if not isinstance(sep, str):
                raise TypeError(f"make_encoder() argument {n} must be str, "
                                f"not {type(sep).__name__}")
        self.markers = markers
        self.default = default
        self.encoder = encoder
        self.indent = indent
        self.key_separator = key_separator
        self.item_separator = item_separator
        self.sort_keys = bool(sort_keys)
        self.skipkeys = bool(skipkeys)
        self.allow_nan = bool(allow_nan)

    def __call__(self, obj, _current_indent_level):
        return (_json_engine.encode(
            obj, _current_indent_level, self.markers, self.default,
            self.encoder, self.indent, self.key_separator,
            self.item_separator, self.sort_keys, self.skipkeys,
            self.allow_nan),)


make_encoder = Encoder
