# csv.writer: quoting styles, escaping, doubled quotes, empty fields, line
# terminators, non-str fields and CPython's Error messages.
import csv, io
def w(rows, **kw):
    s = io.StringIO()
    try:
        wr = csv.writer(s, **kw)
        for r in rows: wr.writerow(r)
        return repr(s.getvalue())
    except Exception as e:
        return f'{type(e).__name__}: {e} | {s.getvalue()!r}'
tests = [
 ([['a','b']], {}), ([['']], {}), ([[]], {}), ([[None]], {}), ([['', '']], {}), ([[None, None]], {}),
 ([['a b', ' x', 'y ']], {}), ([['a\nb', 'c\rd']], {}), ([['a\nb']], dict(lineterminator='\n')), ([['a"b']], {}), ([['a"b']], dict(doublequote=False)), ([['a"b']], dict(doublequote=False, escapechar='\\')),
 ([['a,b']], dict(quoting=csv.QUOTE_NONE)), ([['a,b']], dict(quoting=csv.QUOTE_NONE, escapechar='\\')), ([['a"b']], dict(quoting=csv.QUOTE_NONE, escapechar='\\')), ([['a"b']], dict(quoting=csv.QUOTE_NONE)),
 ([['a\\b']], dict(escapechar='\\')), ([['a\\b']], dict(escapechar='\\', quoting=csv.QUOTE_NONE)), ([['']], dict(quoting=csv.QUOTE_NONE)), ([[None]], dict(quoting=csv.QUOTE_NONE)), ([['', 'a']], dict(quoting=csv.QUOTE_NONE)),
 ([[1, 2.5, 'x', None, True, 3j]], dict(quoting=csv.QUOTE_NONNUMERIC)), ([[1, 2.5, 'x', None, True]], dict(quoting=csv.QUOTE_ALL)), ([[1, 'x', None, '']], dict(quoting=csv.QUOTE_STRINGS)), ([[1, 'x', None, '']], dict(quoting=csv.QUOTE_NOTNULL)),
 ([['', 'a', '']], dict(delimiter=' ', skipinitialspace=True)), ([[' a', 'b ']], dict(delimiter=' ', skipinitialspace=True)), ([[' a', 'b']], dict(skipinitialspace=True)), ([['a', '']], dict(delimiter=' ')),
 ([['a\r\nb']], dict(lineterminator='!')), ([['a!b']], dict(lineterminator='!')), ([[1.0/3, 10**20, -0.0]], {}), ([['x'], 5], {}), ([[b'ab']], {}), ([['a\x00b']], {}), ([['é€😀']], {}),
 ([['a#b']], dict(quotechar='#')), ([['a\tb']], dict(delimiter='\t')), ([['a"b', 'c']], dict(quoting=csv.QUOTE_ALL, doublequote=False, escapechar='\\')),
 ([['a\\"b']], dict(escapechar='\\')), ([["a'b"]], dict(quotechar=None)), ([["a'b", "c,d"]], dict(quotechar=None, escapechar='\\')),
]
for rows, kw in tests:
    print(kw, rows, w(rows, **kw))
class Bad:
    def __str__(self): raise ValueError('no str')
print(w([[Bad()]]))
s = io.StringIO(); wr = csv.writer(s); print(wr.writerow(['a']), wr.writerows([['b'], ['c']]), repr(s.getvalue()))
try: wr.writerows(5)
except Exception as e: print(type(e).__name__, e)
try: wr.writerow()
except Exception as e: print(type(e).__name__, e)
class F:
    def write(self, x): return 42
print(csv.writer(F()).writerow(['a']))
print(csv.writer(F()).writerow(iter(['a', 'b'])))
