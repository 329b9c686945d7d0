"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


_IDENT_START = '_' + ascii_letters
_IDENT_REST = _IDENT_START + digits


class _TemplateMissing:
    pass


class _TemplatePattern:
    """`Template.pattern`: CPython's compiled regular expression for the class's
    delimiter and identifier patterns, made on first use (it needs `re`, which the
    scanner below does without)."""

    def __init__(self):
        self._compiled = {}

    def __get__(self, obj, cls):
        if cls not in self._compiled:
            import re
            delim = re.escape(cls.delimiter)
            id = cls.idpattern
            bid = cls.braceidpattern or cls.idpattern
            self._compiled[cls] = re.compile(fr"""
            {delim}(?:
              (?P<escaped>{delim})  |   # Escape sequence of two delimiters
              (?P<named>{id})       |   # delimiter and a Python identifier
              {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
              (?P<invalid>)             # Other ill-formed delimiter exprs
            )
            """, cls.flags | re.VERBOSE)
        return self._compiled[cls]


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = 2  # re.IGNORECASE
    pattern = _TemplatePattern()

    def __init__(self, template):
        self.template = template

    def __init_subclass__(cls, **kwargs):
        pass

    # The template is scanned by hand into a list of pieces:
    #   ('text', s), ('name', ident), ('escaped', None), ('invalid', offset)
    def _scan(self):
        tpl = self.template
        delim = self.delimiter
        dlen = len(delim)
        pieces = []
        i = 0
        start = 0
        n = len(tpl)
        while True:
            j = tpl.find(delim, i)
            if j < 0:
                break
            if j > start:
                pieces.append(('text', tpl[start:j]))
            k = j + dlen
            if tpl.startswith(delim, k):
                pieces.append(('escaped', delim, tpl[j:k + dlen]))
                i = start = k + dlen
                continue
            if k < n and tpl[k] == '{':
                m = k + 1
                if m < n and tpl[m] in _IDENT_START:
                    e = m + 1
                    while e < n and tpl[e] in _IDENT_REST:
                        e += 1
                    if e < n and tpl[e] == '}':
                        pieces.append(('name', tpl[m:e], tpl[j:e + 1]))
                        i = start = e + 1
                        continue
                pieces.append(('invalid', k, delim))
                i = start = k
                continue
            if k < n and tpl[k] in _IDENT_START:
                e = k + 1
                while e < n and tpl[e] in _IDENT_REST:
                    e += 1
                pieces.append(('name', tpl[k:e], tpl[j:e]))
                i = start = e
                continue
            pieces.append(('invalid', k, delim))
            i = start = k
        if start < n:
            pieces.append(('text', tpl[start:]))
        return pieces

    def _invalid(self, offset):
        lines = self.template[:offset].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = offset - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_TemplateMissing, /, **kws):
        if mapping is _TemplateMissing:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        out = []
        for piece in self._scan():
            kind = piece[0]
            if kind == 'text':
                out.append(piece[1])
            elif kind == 'escaped':
                out.append(piece[1])
            elif kind == 'name':
                out.append('%s' % (mapping[piece[1]],))
            else:
                self._invalid(piece[1])
        return ''.join(out)

    def safe_substitute(self, mapping=_TemplateMissing, /, **kws):
        if mapping is _TemplateMissing:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        out = []
        for piece in self._scan():
            kind = piece[0]
            if kind == 'text':
                out.append(piece[1])
            elif kind == 'escaped':
                out.append(piece[1])
            elif kind == 'name':
                try:
                    out.append('%s' % (mapping[piece[1]],))
                except KeyError:
                    out.append(piece[2])
            else:
                out.append(piece[2])
        return ''.join(out)

    def is_valid(self):
        for piece in self._scan():
            if piece[0] == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for piece in self._scan():
            if piece[0] == 'name' and piece[1] not in ids:
                ids.append(piece[1])
        return ids


class _ChainLookup:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Formatter:
    """A minimal string.Formatter: formatting is delegated to str.format."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def parse(self, format_string):
        return iter(_parse_format(format_string))

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))


def _split_field(field):
    """A replacement field's (name, format_spec, conversion)."""
    k, bracket = 0, False
    while k < len(field):
        ch = field[k]
        if ch == '[':
            bracket = True
        elif ch == ']':
            bracket = False
        elif not bracket and ch in '!:':
            break
        k += 1
    name, rest, conversion = field[:k], field[k:], None
    if rest.startswith('!'):
        if len(rest) < 2:
            raise ValueError("end of string while looking for conversion specifier")
        conversion, rest = rest[1], rest[2:]
        if rest and not rest.startswith(':'):
            raise ValueError("expected ':' after conversion specifier")
    return name, rest[1:], conversion


def _parse_format(s):
    """(literal_text, field_name, format_spec, conversion) for each part of `s`, as
    str.format reads it (CPython's _string.formatter_parser)."""
    out, literal, i, n = [], [], 0, len(s)
    while i < n:
        c = s[i]
        if c in '{}' and i + 1 < n and s[i + 1] == c:
            literal.append(c)
            out.append((''.join(literal), None, None, None))
            literal = []
            i += 2
        elif c == '}':
            raise ValueError("Single '}' encountered in format string")
        elif c == '{':
            depth, j = 1, i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if i + 1 == n:
                raise ValueError("Single '{' encountered in format string")
            if depth:
                raise ValueError("expected '}' before end of string")
            out.append((''.join(literal),) + _split_field(s[i + 1:j]))
            literal = []
            i = j + 1
        else:
            literal.append(c)
            i += 1
    if literal:
        out.append((''.join(literal), None, None, None))
    return out
