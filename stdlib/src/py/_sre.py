"""_sre: the regular expression objects CPython's `re` builds on (Pattern, Match,
Scanner, templates), over the native matcher `_sre_engine`."""

import _sre_engine

MAGIC = _sre_engine.MAGIC
CODESIZE = _sre_engine.CODESIZE
MAXREPEAT = _sre_engine.MAXREPEAT
MAXGROUPS = _sre_engine.MAXGROUPS
copyright = " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "
ascii_iscased = _sre_engine.ascii_iscased
ascii_tolower = _sre_engine.ascii_tolower
unicode_iscased = _sre_engine.unicode_iscased
unicode_tolower = _sre_engine.unicode_tolower

_run = _sre_engine.run
_MAXSIZE = 9223372036854775807
_FLAG_NAMES = (
    (2, "re.IGNORECASE"), (4, "re.LOCALE"), (8, "re.MULTILINE"), (16, "re.DOTALL"),
    (32, "re.UNICODE"), (64, "re.VERBOSE"), (128, "re.DEBUG"), (256, "re.ASCII"),
)


import builtins as _builtins

_BYTES_LIKE = tuple(getattr(_builtins, name) for name in ("bytes", "bytearray", "memoryview")
                    if hasattr(_builtins, name))
del _builtins


def _slice(string, start, end=None):
    """string[start:end], as bytes for a bytearray or memoryview subject."""
    piece = string[start:end]
    return piece if isinstance(piece, (str, bytes)) else bytes(piece)


def getcodesize():
    return CODESIZE


def _bounds(string, pos, endpos):
    n = len(string)
    pos = 0 if pos < 0 else min(pos, n)
    endpos = 0 if endpos < 0 else min(endpos, n)
    return pos, endpos


class Pattern:
    __module__ = "re"
    __slots__ = ("pattern", "flags", "groups", "groupindex", "_code", "_words",
                 "_indexgroup", "_is_bytes", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def _check(self, string):
        if isinstance(string, str):
            if self._is_bytes:
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif isinstance(string, _BYTES_LIKE):
            if not self._is_bytes:
                raise TypeError("cannot use a string pattern on a bytes-like object")
        else:
            raise TypeError(
                f"expected string or bytes-like object, got '{type(string).__name__}'")

    def _run(self, string, pos, endpos, mode, must_advance=False):
        self._check(string)
        pos, endpos = _bounds(string, pos, endpos)
        found = _run(self._code, string, pos, endpos, mode, must_advance, self.groups)
        if found is None:
            return None
        return _new_match(self, string, pos, endpos, found)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def _iter_matches(self, string, pos, endpos):
        """Every match's raw outcome from left to right, as finditer sees them."""
        self._check(string)
        pos, endpos = _bounds(string, pos, endpos)
        must_advance = False
        code, groups = self._code, self.groups
        while pos <= endpos:
            found = _run(code, string, pos, endpos, 2, must_advance, groups)
            if found is None:
                return
            yield found
            end = found[2]
            must_advance = end == found[1]
            pos = end

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        empty = _slice(string, 0, 0)
        out = []
        groups = self.groups
        for found in self._iter_matches(string, pos, endpos):
            if groups == 0:
                out.append(_slice(string, found[1], found[2]))
                continue
            items = []
            for g in range(1, groups + 1):
                s, e = found[1 + 2 * g], found[2 + 2 * g]
                items.append(empty if s < 0 else _slice(string, s, e))
            out.append(items[0] if groups == 1 else tuple(items))
        return out

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return iter(self.scanner(string, pos, endpos).search, None)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        return Scanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        groups = self.groups
        for found in self._iter_matches(string, 0, _MAXSIZE):
            if maxsplit > 0 and n >= maxsplit:
                break
            out.append(_slice(string, last, found[1]))
            for g in range(1, groups + 1):
                s, e = found[1 + 2 * g], found[2 + 2 * g]
                out.append(None if s < 0 else _slice(string, s, e))
            last = found[2]
            n += 1
        out.append(_slice(string, last))
        return out

    def _replacement(self, repl):
        """A function from a match to its replacement, or the literal replacement."""
        if callable(repl):
            return repl, False
        if isinstance(repl, str) and not self._is_bytes or isinstance(repl, bytes) and self._is_bytes:
            if (b"\\" if self._is_bytes else "\\") not in repl:
                return repl, True
        import re
        template = re._compile_template(self, repl)
        return template, False

    def subn(self, repl, string, count=0):
        self._check(string)
        filter, literal = self._replacement(repl)
        pieces = []
        last = 0
        n = 0
        for found in self._iter_matches(string, 0, _MAXSIZE):
            if count > 0 and n >= count:
                break
            if found[1] > last:
                pieces.append(_slice(string, last, found[1]))
            if literal:
                pieces.append(filter)
            else:
                match = _new_match(self, string, 0, len(string), found)
                if isinstance(filter, Template):
                    item = filter._expand(match)
                else:
                    item = filter(match)
                # What is not a str (bytes) fails in the join, as CPython reports it.
                if item is not None:
                    pieces.append(item)
            last = found[2]
            n += 1
        if last < len(string):
            pieces.append(_slice(string, last))
        return _slice(string, 0, 0).join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        flags = self.flags
        if not self._is_bytes and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for bit, name in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        text = repr(self.pattern)[:200]
        if names:
            return f"re.compile({text}, {'|'.join(names)})"
        return f"re.compile({text})"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags
                and self._is_bytes == other._is_bytes and self._words == other._words)

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        import re
        return (re._compile, (self.pattern, self.flags))

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    if not 0 <= groups <= MAXGROUPS:
        raise RuntimeError("invalid SRE code")
    p = object.__new__(Pattern)
    p.pattern = pattern
    p.flags = flags
    p.groups = groups
    import types
    p.groupindex = types.MappingProxyType(dict(groupindex))
    p._words = list(code)
    p._code = _sre_engine.code(p._words)
    p._indexgroup = tuple(indexgroup)
    p._is_bytes = not isinstance(pattern, str) and pattern is not None
    return p


def _new_match(pattern, string, pos, endpos, found):
    m = object.__new__(Match)
    m.re = pattern
    m.string = string
    m.pos = pos
    m.endpos = endpos
    m._found = found
    return m


class Match:
    __module__ = "re"
    __slots__ = ("re", "string", "pos", "endpos", "_found")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool) or hasattr(type(group), "__index__") and not isinstance(group, (str, bytes)):
            i = group.__index__()
            if 0 <= i <= self.re.groups:
                return i
        elif isinstance(group, str):
            i = self.re.groupindex.get(group)
            if i is not None:
                return i
        raise IndexError("no such group")

    def _span(self, i):
        return self._found[1 + 2 * i], self._found[2 + 2 * i]

    def _get(self, i, default=None):
        s, e = self._span(i)
        if s < 0:
            return default
        return _slice(self.string, s, e)

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._get(self._index(group))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._span(self._index(group))[0]

    def end(self, group=0):
        return self._span(self._index(group))[1]

    def span(self, group=0):
        return self._span(self._index(group))

    @property
    def regs(self):
        return tuple(self._span(i) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        i = self._found[0]
        return None if i < 0 else i

    @property
    def lastgroup(self):
        i = self._found[0]
        if i < 0:
            return None
        names = self.re._indexgroup
        return names[i] if i < len(names) else None

    def expand(self, template):
        import re
        return re._expand(self.re, self, template)

    def __repr__(self):
        return (f"<re.Match object; span={self._span(0)!r}, "
                f"match={self._get(0)!r}>")

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class Scanner:
    __module__ = "_sre"
    __slots__ = ("pattern", "_string", "_start", "_pos", "_endpos", "_must_advance")

    def __init__(self, pattern, string, pos, endpos):
        pattern._check(string)
        self.pattern = pattern
        self._string = string
        self._pos, self._endpos = _bounds(string, pos, endpos)
        self._start = self._pos
        self._must_advance = False

    def _next(self, mode):
        if self._pos > self._endpos:
            return None
        p = self.pattern
        found = _run(p._code, self._string, self._pos, self._endpos, mode,
                     self._must_advance, p.groups)
        if found is None:
            self._pos = self._endpos + 1
            return None
        self._must_advance = found[2] == found[1]
        self._pos = found[2]
        return _new_match(p, self._string, self._start, self._endpos, found)

    def match(self):
        return self._next(0)

    def search(self):
        return self._next(2)


class Template:
    __module__ = "_sre"
    __slots__ = ("_items",)

    def _expand(self, match):
        items = self._items
        out = [items[0]]
        for k in range(1, len(items), 2):
            g = match._get(items[k])
            if g is not None:
                out.append(g)
            literal = items[k + 1]
            if literal:
                out.append(literal)
        return _slice(match.string, 0, 0).join(x for x in out if x)


def template(pattern, items):
    t = object.__new__(Template)
    items = list(items)
    for k in range(1, len(items), 2):
        i = items[k]
        if not isinstance(i, int) or i < 0:
            raise TypeError("invalid template")
        if i > pattern.groups:
            raise IndexError("invalid group reference %d" % i)
    t._items = items
    return t
