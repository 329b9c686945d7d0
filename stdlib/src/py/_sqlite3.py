"""_sqlite3: the objects CPython's `sqlite3` package builds on (Connection, Cursor,
Row, the DB-API exceptions, adapters and converters), over the native SQLite
binding `_sqlite3_engine`. A statement runs to its last row when it is executed;
the cursor then hands the rows out."""

import _sqlite3_engine as _engine

sqlite_version = _engine.sqlite_version
_deprecated_version = "2.6.0"
threadsafety = 3
PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2
LEGACY_TRANSACTION_CONTROL = -1

_RESULT_CODES = {
    "SQLITE_OK": 0, "SQLITE_ERROR": 1, "SQLITE_INTERNAL": 2, "SQLITE_PERM": 3,
    "SQLITE_ABORT": 4, "SQLITE_BUSY": 5, "SQLITE_LOCKED": 6, "SQLITE_NOMEM": 7,
    "SQLITE_READONLY": 8, "SQLITE_INTERRUPT": 9, "SQLITE_IOERR": 10,
    "SQLITE_CORRUPT": 11, "SQLITE_NOTFOUND": 12, "SQLITE_FULL": 13,
    "SQLITE_CANTOPEN": 14, "SQLITE_PROTOCOL": 15, "SQLITE_EMPTY": 16,
    "SQLITE_SCHEMA": 17, "SQLITE_TOOBIG": 18, "SQLITE_CONSTRAINT": 19,
    "SQLITE_MISMATCH": 20, "SQLITE_MISUSE": 21, "SQLITE_NOLFS": 22, "SQLITE_AUTH": 23,
    "SQLITE_FORMAT": 24, "SQLITE_RANGE": 25, "SQLITE_NOTADB": 26, "SQLITE_NOTICE": 27,
    "SQLITE_WARNING": 28, "SQLITE_ROW": 100, "SQLITE_DONE": 101,
    "SQLITE_ERROR_MISSING_COLLSEQ": 257, "SQLITE_ERROR_RETRY": 513,
    "SQLITE_ABORT_ROLLBACK": 516, "SQLITE_BUSY_RECOVERY": 261,
    "SQLITE_LOCKED_SHAREDCACHE": 262, "SQLITE_READONLY_RECOVERY": 264,
    "SQLITE_IOERR_READ": 266, "SQLITE_CORRUPT_VTAB": 267,
    "SQLITE_CANTOPEN_NOTEMPDIR": 270, "SQLITE_CONSTRAINT_CHECK": 275,
    "SQLITE_CONSTRAINT_COMMITHOOK": 531, "SQLITE_CONSTRAINT_FOREIGNKEY": 787,
    "SQLITE_CONSTRAINT_FUNCTION": 1043, "SQLITE_CONSTRAINT_NOTNULL": 1299,
    "SQLITE_CONSTRAINT_PRIMARYKEY": 1555, "SQLITE_CONSTRAINT_TRIGGER": 1811,
    "SQLITE_CONSTRAINT_UNIQUE": 2067, "SQLITE_CONSTRAINT_VTAB": 2323,
    "SQLITE_CONSTRAINT_ROWID": 2579, "SQLITE_CONSTRAINT_PINNED": 2835,
}
_ERROR_NAMES = {code: name for name, code in _RESULT_CODES.items()}
globals().update(_RESULT_CODES)
SQLITE_DENY = 1
SQLITE_IGNORE = 2


class Warning(Exception):
    pass


class Error(Exception):
    sqlite_errorcode = None
    sqlite_errorname = None


class InterfaceError(Error):
    pass


class DatabaseError(Error):
    pass


class InternalError(DatabaseError):
    pass


class OperationalError(DatabaseError):
    pass


class ProgrammingError(DatabaseError):
    pass


class IntegrityError(DatabaseError):
    pass


class DataError(DatabaseError):
    pass


class NotSupportedError(DatabaseError):
    pass


_CLASS_OF_PRIMARY_CODE = {
    2: InternalError, 12: InternalError, 11: DatabaseError, 18: DataError,
    19: IntegrityError, 20: IntegrityError, 21: InterfaceError, 25: InterfaceError,
}
for _code in (1, 3, 4, 5, 6, 8, 9, 10, 13, 14, 15, 16, 17):
    _CLASS_OF_PRIMARY_CODE[_code] = OperationalError


def _error(kind, message):
    """The exception for an SQLite result code, or for a class named here."""
    if isinstance(kind, str):
        return globals()[kind](message)
    if kind & 0xFF == 7:
        return MemoryError()
    exc = _CLASS_OF_PRIMARY_CODE.get(kind & 0xFF, DatabaseError)(message)
    exc.sqlite_errorcode = kind
    exc.sqlite_errorname = _ERROR_NAMES.get(kind, _ERROR_NAMES.get(kind & 0xFF))
    return exc


_engine.set_error_factory(_error)


class PrepareProtocol:
    def __init__(self, *args, **kwargs):
        pass


adapters = {}
converters = {}
_callback_tracebacks = False


def register_adapter(type, adapter, /):
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    converters[typename.upper()] = converter


def adapt(obj, proto=PrepareProtocol, alt=None, /):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    conform = getattr(type(obj), "__conform__", None)
    if conform is not None:
        adapted = conform(obj, proto)
        if adapted is not None:
            return adapted
    if alt is not None:
        return alt
    raise ProgrammingError("can't adapt")


def enable_callback_tracebacks(enable, /):
    global _callback_tracebacks
    _callback_tracebacks = bool(enable)


def complete_statement(statement):
    if not isinstance(statement, str):
        raise TypeError(
            f"complete_statement() argument 'statement' must be str, not {type(statement).__name__}")
    return _engine.complete_statement(statement)


_PLAIN_TYPES = (int, float, str, bytes, type(None))


def _bindable(value):
    if type(value) in _PLAIN_TYPES and not adapters:
        return value
    if (type(value), PrepareProtocol) in adapters or hasattr(type(value), "__conform__"):
        return adapt(value, PrepareProtocol, value)
    return value


def _parameters(parameters):
    """What the engine binds: a dict for named parameters, else a list."""
    if isinstance(parameters, dict) or (
            not isinstance(parameters, (list, tuple)) and hasattr(parameters, "keys")
            and hasattr(parameters, "__getitem__")):
        return {key: _bindable(parameters[key]) for key in parameters.keys()}
    if isinstance(parameters, (str, bytes)) or not hasattr(parameters, "__getitem__"):
        raise ProgrammingError("parameters are of unsupported type")
    return [_bindable(value) for value in parameters]


def _is_dml(sql):
    """Whether the first keyword, past blanks and comments, changes rows."""
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in " \t\f\n\r":
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            break
    head = sql[i:i + 7].lower()
    return head.startswith(("insert", "update", "delete", "replace"))


_ISOLATION_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")


def _check_isolation_level(level):
    if level is None:
        return None
    if not isinstance(level, str):
        raise TypeError("isolation_level must be str or None, not " + type(level).__name__)
    if level.upper() not in _ISOLATION_LEVELS:
        raise ValueError(
            "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'")
    return level


class Connection:

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="",
                 check_same_thread=True, factory=None, cached_statements=128, uri=False,
                 *, autocommit=LEGACY_TRANSACTION_CONTROL):
        import os
        path = os.fsdecode(database)
        if autocommit not in (True, False, LEGACY_TRANSACTION_CONTROL):
            raise ValueError(
                "autocommit must be True, False, or sqlite3.LEGACY_TRANSACTION_CONTROL")
        self._isolation_level = _check_isolation_level(isolation_level)
        self._db = _engine.open(path, bool(uri), int(timeout * 1000))
        self._autocommit = autocommit
        self.detect_types = detect_types
        self.row_factory = None
        self.text_factory = str
        if autocommit is False:
            _engine.execute(self._db, "BEGIN", None, False)

    def _open_db(self):
        db = getattr(self, "_db", None)
        if db is None:
            raise ProgrammingError("Base Connection.__init__ not called.")
        return db

    @property
    def isolation_level(self):
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, level):
        level = _check_isolation_level(level)
        if level is None and self._autocommit == LEGACY_TRANSACTION_CONTROL:
            self.commit()
        self._isolation_level = level

    @property
    def autocommit(self):
        return self._autocommit

    @autocommit.setter
    def autocommit(self, value):
        if value not in (True, False, LEGACY_TRANSACTION_CONTROL):
            raise ValueError(
                "autocommit must be True, False, or sqlite3.LEGACY_TRANSACTION_CONTROL")
        if value is True and self.in_transaction:
            self._run("COMMIT")
        elif value is False and not self.in_transaction:
            self._run("BEGIN")
        self._autocommit = value

    @property
    def in_transaction(self):
        return _engine.in_transaction(self._open_db())

    @property
    def total_changes(self):
        return _engine.total_changes(self._open_db())

    def _run(self, sql):
        _engine.execute(self._open_db(), sql, None, False)

    def cursor(self, factory=None):
        self._open_db()
        cursor = Cursor(self) if factory is None else factory(self)
        if not isinstance(cursor, Cursor):
            raise TypeError("factory must return a cursor, not " + type(cursor).__name__)
        if self.row_factory is not None and cursor.row_factory is None:
            cursor.row_factory = self.row_factory
        return cursor

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        db = self._open_db()
        if self._autocommit == LEGACY_TRANSACTION_CONTROL:
            if _engine.in_transaction(db):
                self._run("COMMIT")
        elif self._autocommit is False:
            self._run("COMMIT")
            self._run("BEGIN")

    def rollback(self):
        db = self._open_db()
        if self._autocommit == LEGACY_TRANSACTION_CONTROL:
            if _engine.in_transaction(db):
                self._run("ROLLBACK")
        elif self._autocommit is False:
            self._run("ROLLBACK")
            self._run("BEGIN")

    def close(self):
        db = getattr(self, "_db", None)
        if db is None:
            return
        if self._autocommit is False:
            try:
                if _engine.in_transaction(db):
                    self._run("ROLLBACK")
            except ProgrammingError:
                pass
        _engine.close(db)

    def create_function(self, name, narg, func, *, deterministic=False):
        _engine.create_function(self._open_db(), name, narg, func, deterministic)

    def create_aggregate(self, name, n_arg, aggregate_class):
        _engine.create_aggregate(self._open_db(), name, n_arg, aggregate_class)

    def iterdump(self, *, filter=None):
        from sqlite3.dump import _iterdump
        return _iterdump(self, filter=filter)

    def interrupt(self):
        self._open_db()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if self._autocommit is True:
            return False
        if exc_type is None:
            try:
                self.commit()
            except BaseException:
                self.rollback()
                raise
        else:
            self.rollback()
        return False


# The exception classes are read-only attributes of every connection too.
for _cls in (Warning, Error, InterfaceError, DatabaseError, InternalError, OperationalError,
             ProgrammingError, IntegrityError, DataError, NotSupportedError):
    setattr(Connection, _cls.__name__, property(lambda self, _cls=_cls: _cls))


def connect(database, timeout=5.0, detect_types=0, isolation_level="",
            check_same_thread=True, factory=Connection, cached_statements=128, uri=False,
            *, autocommit=LEGACY_TRANSACTION_CONTROL):
    return factory(database, timeout, detect_types, isolation_level, check_same_thread,
                   factory, cached_statements, uri, autocommit=autocommit)


class Cursor:
    def __init__(self, connection, /):
        if not isinstance(connection, Connection):
            raise TypeError(
                "Cursor() argument 1 must be sqlite3.Connection, not "
                + type(connection).__name__)
        self.connection = connection
        self.arraysize = 1
        self.row_factory = None
        self.description = None
        self.rowcount = -1
        self.lastrowid = None
        self._rows = []
        self._next = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        return self.connection._open_db()

    def _run(self, sql, parameters, many=False):
        db = self._check()
        if not isinstance(sql, str):
            raise TypeError(f"execute() argument 1 must be str, not {type(sql).__name__}")
        dml = _is_dml(sql)
        connection = self.connection
        if (dml and connection._autocommit == LEGACY_TRANSACTION_CONTROL
                and connection._isolation_level is not None
                and not _engine.in_transaction(db)):
            _engine.execute(db, "BEGIN " + connection._isolation_level, None, False)
        columns, rows, changes, lastrowid = _engine.execute(
            db, sql, parameters, connection.text_factory is bytes)
        self.description = (None if columns is None
                            else tuple((name, None, None, None, None, None, None)
                                       for name in columns))
        if not many:
            self.lastrowid = lastrowid
        self._rows = rows
        self._next = 0
        return dml, changes

    def execute(self, sql, parameters=(), /):
        self.rowcount = -1
        self._rows = []
        dml, changes = self._run(sql, _parameters(parameters))
        if dml:
            self.rowcount = changes
        return self

    def executemany(self, sql, seq_of_parameters, /):
        self._check()
        if not isinstance(sql, str):
            raise TypeError(
                f"executemany() argument 1 must be str, not {type(sql).__name__}")
        if not _is_dml(sql):
            raise ProgrammingError("executemany() can only execute DML statements.")
        self.rowcount = 0
        for parameters in seq_of_parameters:
            _, changes = self._run(sql, _parameters(parameters), many=True)
            self.rowcount += changes
        self._rows = []
        return self

    def executescript(self, sql_script, /):
        db = self._check()
        if not isinstance(sql_script, str):
            raise TypeError(
                f"executescript() argument must be str, not {type(sql_script).__name__}")
        connection = self.connection
        if (connection._autocommit == LEGACY_TRANSACTION_CONTROL
                and _engine.in_transaction(db)):
            _engine.execute(db, "COMMIT", None, False)
        _engine.executescript(db, sql_script)
        self._rows = []
        return self

    def _row(self, values):
        factory = self.row_factory
        return values if factory is None else factory(self, values)

    def fetchone(self):
        self._check()
        if self._next >= len(self._rows):
            return None
        values = self._rows[self._next]
        self._next += 1
        return self._row(values)

    def fetchmany(self, size=None):
        if size is None:
            size = self.arraysize
        out = []
        while len(out) < size:
            row = self.fetchone()
            if row is None:
                break
            out.append(row)
        return out

    def fetchall(self):
        out = []
        while True:
            row = self.fetchone()
            if row is None:
                return out
            out.append(row)

    def __iter__(self):
        return self

    def __next__(self):
        row = self.fetchone()
        if row is None:
            raise StopIteration
        return row

    def close(self):
        self.connection._open_db()
        self._closed = True
        self._rows = []

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


class Row:
    def __init__(self, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError(
                "Row() argument 1 must be sqlite3.Cursor, not " + type(cursor).__name__)
        if not isinstance(data, tuple):
            raise TypeError("Row() argument 2 must be tuple, not " + type(data).__name__)
        self._data = data
        self._description = cursor.description or ()

    def keys(self):
        return [column[0] for column in self._description]

    def __getitem__(self, key):
        if isinstance(key, str):
            folded = key.casefold()
            for i, column in enumerate(self._description):
                if column[0].casefold() == folded:
                    return self._data[i]
            raise IndexError("No item with that key")
        return self._data[key]

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._data == other._data

    def __hash__(self):
        return hash(self._description) ^ hash(self._data)


for _cls in (Warning, Error, InterfaceError, DatabaseError, InternalError, OperationalError,
             ProgrammingError, IntegrityError, DataError, NotSupportedError, PrepareProtocol,
             Connection, Cursor, Row):
    _cls.__module__ = "sqlite3"
del _cls, _code
