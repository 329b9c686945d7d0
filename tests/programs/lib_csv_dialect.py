# _csv.Dialect: defaults, validation messages in CPython's order, reuse, the
# registry, field_size_limit and the objects' types.
import csv, _csv
print([n for n in dir(_csv) if not n.startswith('_')])
print(csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL)
d = _csv.Dialect()
print(type(d), type(d).__module__, d.delimiter, d.doublequote, d.escapechar, repr(d.lineterminator), d.quotechar, d.quoting, d.skipinitialspace, d.strict)
cases = [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1), dict(delimiter=None), dict(quotechar=''), dict(quotechar='ab'), dict(quotechar=1), dict(quotechar=None),
 dict(escapechar=''), dict(escapechar='ab'), dict(escapechar=1), dict(lineterminator=None), dict(lineterminator=1), dict(lineterminator=''), dict(quoting=9), dict(quoting='a'), dict(quoting=1.0), dict(quoting=True),
 dict(delimiter='\n'), dict(delimiter='\r'), dict(delimiter=' ', skipinitialspace=True), dict(quotechar='\n'), dict(escapechar='\r'), dict(delimiter='"'), dict(delimiter=',', escapechar=','), dict(quotechar="'", escapechar="'"),
 dict(lineterminator=',\n'), dict(lineterminator='"'), dict(lineterminator='\\', escapechar='\\'), dict(quoting=csv.QUOTE_NONE, quotechar=None), dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(quotechar=None),
 dict(doublequote=0, strict=[]), dict(delimiter=' ', skipinitialspace=False), dict(escapechar=' ', skipinitialspace=True), dict(quotechar=' ', skipinitialspace=True), dict(foo=1), dict(dialect='nosuch'), dict(dialect=5)]
for kw in cases:
    try:
        d = _csv.Dialect(**kw)
        print('ok', kw, repr(d.delimiter), repr(d.quotechar), d.quoting, repr(d.escapechar), repr(d.lineterminator), d.doublequote, d.strict)
    except Exception as e:
        print(type(e).__name__, kw, e)
try: _csv.Dialect('excel', 1)
except Exception as e: print(type(e).__name__, e)
print(_csv.Dialect('excel-tab').delimiter == '\t', _csv.Dialect(csv.excel_tab).delimiter == '\t')
d = _csv.Dialect(); print(_csv.Dialect(d) is d, _csv.Dialect(d, delimiter=';') is d)
try: d.delimiter = ';'
except Exception as e: print(type(e).__name__, e)
class X: delimiter=';'; quotechar="'"
print(_csv.Dialect(X).delimiter, _csv.Dialect(X).quotechar, _csv.Dialect(X).lineterminator == '\r\n')
print(csv.list_dialects())
csv.register_dialect('semi', delimiter=';'); print(csv.get_dialect('semi').delimiter, type(csv.get_dialect('semi')))
csv.register_dialect('x2', X); print(type(csv.get_dialect('x2')))
for f in [lambda: csv.get_dialect('nope'), lambda: csv.unregister_dialect('nope'), lambda: csv.register_dialect(1), lambda: csv.register_dialect('a', 'b', 'c'), lambda: csv.register_dialect('bad', delimiter=''),
          lambda: csv.field_size_limit('a'), lambda: csv.field_size_limit(1, 2), lambda: csv.reader(5), lambda: csv.reader(), lambda: csv.writer(5), lambda: csv.writer(), lambda: csv.reader([], 'nope'), lambda: csv.reader([], foo=1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit(), csv.field_size_limit(131072))
print(issubclass(csv.Error, Exception), csv.Error.__module__, _csv.Error is csv.Error)
r = csv.reader([]); print(type(r), r.line_num, type(r.dialect), iter(r) is r)
import io; w = csv.writer(io.StringIO()); print(type(w), type(w.dialect))
print(_csv.Dialect.__doc__ is not None, _csv.__doc__.startswith('CSV parsing and writing.'))
