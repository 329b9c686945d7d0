"""CSV parsing and writing.

_csv: the Dialect type, the reader and writer objects, the dialect registry and
the field size limit, which CPython's csv.py runs on. Parsing lines and joining
rows are native (_csv_engine); here live the objects and their argument checks.
"""

import _csv_engine

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, \
    QUOTE_NOTNULL = range(6)


class Error(Exception):
    pass


Error.__module__ = "_csv"

_dialects = {}
_field_limit = 128 * 1024


class _ReadOnly:
    """A read-only attribute over a hidden slot, with CPython's messages (those of
    a getset, `attribute 'x' of 'T' objects is not writable`, or of a member,
    `readonly attribute`)."""
    __slots__ = ("slot", "message")

    def __init__(self, slot, message):
        self.slot = slot
        self.message = message

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.slot)

    def __set__(self, obj, value):
        raise AttributeError(self.message)

    def __delete__(self, obj):
        raise AttributeError(self.message)


_DIALECT_FIELDS = ("delimiter", "doublequote", "escapechar", "lineterminator",
                   "quotechar", "quoting", "skipinitialspace", "strict")
_UNSET = object()


def _check_args(name, args, least, most):
    if len(args) < least:
        raise TypeError(f"{name} expected at least {least} argument"
                        f"{'' if least == 1 else 's'}, got {len(args)}")
    if len(args) > most:
        raise TypeError(f"{name} expected at most {most} arguments, got {len(args)}")


def _char(name, value, default, none_allowed):
    if value is _UNSET:
        return default
    if value is None and none_allowed:
        return None
    if not isinstance(value, str):
        kinds = "string or None" if none_allowed else "string"
        raise TypeError(f'"{name}" must be {kinds}, not {type(value).__name__}')
    if len(value) != 1:
        raise TypeError(f'"{name}" must be a 1-character string')
    return value


def _check_char(name, c, lineterminator, space_allowed):
    if c is None:
        return
    if c in "\r\n" or (c == " " and not space_allowed):
        raise ValueError(f"bad {name} value")
    if c in lineterminator:
        raise ValueError(f"bad {name} or lineterminator value")


def _check_pair(name1, name2, c1, c2):
    if c1 is not None and c1 == c2:
        raise ValueError(f"bad {name1} or {name2} value")


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""
    __slots__ = ("_delimiter", "_doublequote", "_escapechar", "_lineterminator",
                 "_quotechar", "_quoting", "_skipinitialspace", "_strict",
                 "_engine_args")

    def __new__(cls, *args, **kwargs):
        if len(args) > 9:
            raise TypeError(f"Dialect() takes at most 9 arguments ({len(args)} given)")
        given = dict(zip(("dialect",) + _DIALECT_FIELDS, args))
        for key, value in kwargs.items():
            if key not in _DIALECT_FIELDS and key != "dialect":
                raise TypeError(
                    f"this function got an unexpected keyword argument '{key}'")
            if key in given:
                raise TypeError(f"argument for Dialect() given by name ('{key}') "
                                f"and position")
            given[key] = value
        dialect = given.pop("dialect", None)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if isinstance(dialect, Dialect) and not given:
                return dialect
            for name in _DIALECT_FIELDS:
                if name not in given:
                    try:
                        given[name] = getattr(dialect, name)
                    except Exception:
                        pass
        value = lambda name: given.get(name, _UNSET)
        self = object.__new__(cls)
        delimiter = _char("delimiter", value("delimiter"), ",", False)
        doublequote = True if value("doublequote") is _UNSET else bool(given["doublequote"])
        escapechar = _char("escapechar", value("escapechar"), None, True)
        lineterminator = value("lineterminator")
        if lineterminator is _UNSET:
            lineterminator = "\r\n"
        elif lineterminator is not None and not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        quotechar = _char("quotechar", value("quotechar"), '"', True)
        quoting = value("quoting")
        if quoting is _UNSET:
            quoting = QUOTE_MINIMAL
        elif type(quoting) is not int:
            raise TypeError('"quoting" must be an integer')
        skipinitialspace = bool(given.get("skipinitialspace", False))
        strict = bool(given.get("strict", False))
        if quoting not in range(6):
            raise TypeError('bad "quoting" value')
        if value("quotechar") is None and value("quoting") is _UNSET:
            quoting = QUOTE_NONE
        if quoting != QUOTE_NONE and quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        if lineterminator is None:
            raise TypeError("lineterminator must be set")
        _check_char("delimiter", delimiter, lineterminator, True)
        _check_char("escapechar", escapechar, lineterminator, not skipinitialspace)
        _check_char("quotechar", quotechar, lineterminator, not skipinitialspace)
        _check_pair("delimiter", "escapechar", delimiter, escapechar)
        _check_pair("delimiter", "quotechar", delimiter, quotechar)
        _check_pair("escapechar", "quotechar", escapechar, quotechar)
        self._delimiter = delimiter
        self._doublequote = doublequote
        self._escapechar = escapechar
        self._lineterminator = lineterminator
        self._quotechar = quotechar
        self._quoting = quoting
        self._skipinitialspace = skipinitialspace
        self._strict = strict
        self._engine_args = (delimiter, quotechar, escapechar, doublequote,
                             skipinitialspace, strict, quoting, lineterminator,
                             Error)
        return self

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.Dialect' object")


for _name in _DIALECT_FIELDS:
    setattr(Dialect, _name, _ReadOnly(
        "_" + _name, f"attribute '{_name}' of '_csv.Dialect' objects is not writable"))
Dialect.__module__ = "_csv"


def _new_engine(dialect):
    return _csv_engine.new_engine(*dialect._engine_args)


class Reader:
    """CSV reader

Reader objects are responsible for reading and parsing tabular data
in CSV format.
"""
    __slots__ = ("_input", "_engine", "_dialect", "_line_num")

    def __iter__(self):
        return self

    def __next__(self):
        engine = self._engine
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                fields = _csv_engine.finish(engine, _field_limit)
                if fields is None:
                    raise
                return fields
            if not isinstance(line, str):
                raise Error(f"iterator should return strings, not {type(line).__name__} "
                            f"(the file should be opened in text mode)")
            self._line_num += 1
            fields = _csv_engine.feed(engine, line, _field_limit)
            if fields is not None:
                return fields

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.reader' object")


Reader.dialect = _ReadOnly("_dialect", "readonly attribute")
Reader.line_num = _ReadOnly("_line_num", "readonly attribute")


class Writer:
    """CSV writer

Writer objects are responsible for generating tabular data
in CSV format from sequence input.
"""
    __slots__ = ("_write", "_engine", "_dialect")

    def writerow(self, *args):
        if len(args) != 1:
            raise TypeError(f"writer.writerow() takes exactly one argument "
                            f"({len(args)} given)")
        return self._write(_csv_engine.join(self._engine, args[0]))

    def writerows(self, *args):
        if len(args) != 1:
            raise TypeError(f"writer.writerows() takes exactly one argument "
                            f"({len(args)} given)")
        engine = self._engine
        write = self._write
        for row in args[0]:
            write(_csv_engine.join(engine, row))

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_csv.writer' object")


Writer.dialect = _ReadOnly("_dialect", "readonly attribute")

for _cls, _name in ((Reader, "reader"), (Writer, "writer")):
    _cls.__module__ = "_csv"
    _cls.__name__ = _cls.__qualname__ = _name
del _cls, _name


def reader(*args, **kwargs):
    """csv_reader = reader(iterable [, dialect='excel']
                        [optional keyword args])
    for row in csv_reader:
        process(row)

Return a reader object that iterates over the records of iterable, a file or
any object whose iterator returns lines as str."""
    _check_args("", args, 1, 2)
    self = object.__new__(Reader)
    self._input = iter(args[0])
    self._dialect = Dialect(*args[1:], **kwargs)
    self._engine = _new_engine(self._dialect)
    self._line_num = 0
    return self


def writer(*args, **kwargs):
    """csv_writer = csv.writer(fileobj [, dialect='excel']
                            [optional keyword args])
    for row in sequence:
        csv_writer.writerow(row)

Return a writer object whose writerow() writes a row to fileobj, which must
have a write() method."""
    _check_args("", args, 1, 2)
    self = object.__new__(Writer)
    try:
        self._write = args[0].write
    except AttributeError:
        raise TypeError('argument 1 must have a "write" method') from None
    self._dialect = Dialect(*args[1:], **kwargs)
    self._engine = _new_engine(self._dialect)
    return self


def register_dialect(*args, **kwargs):
    """Create a mapping from a string name to a dialect class.
    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"""
    _check_args("", args, 1, 2)
    name = args[0]
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(*args[1:], **kwargs)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name.
    csv.unregister_dialect(name)"""
    if _dialects.pop(name, None) is None:
        raise Error("unknown dialect")


def get_dialect(name):
    """Return the dialect instance associated with name.
    dialect = csv.get_dialect(name)"""
    try:
        return _dialects[name]
    except KeyError:
        raise Error("unknown dialect") from None


def list_dialects():
    """Return a list of all know dialect names.
    names = csv.list_dialects()"""
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    """Sets an upper limit on parsed fields.
    csv.field_size_limit([limit])

Returns old limit. If limit is not given, no new limit is set and
the old limit is returned"""
    global _field_limit
    if len(args) + len(kwargs) > 1:
        raise TypeError(f"field_size_limit() takes at most 1 argument "
                        f"({len(args) + len(kwargs)} given)")
    for key in kwargs:
        if key != "new_limit":
            raise TypeError(f"field_size_limit() got an unexpected keyword "
                            f"argument '{key}'")
    old = _field_limit
    new = args[0] if args else kwargs.get("new_limit", _UNSET)
    if new is not _UNSET:
        if not isinstance(new, int):
            raise TypeError("limit must be an integer")
        if not -2**63 <= new < 2**63:
            raise OverflowError("Python int too large to convert to C long")
        _field_limit = new
    return old
