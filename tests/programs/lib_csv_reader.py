# csv.reader: quoted fields across lines, escapes, strict mode, conversions of
# the quoting styles, the field size limit, line_num and CPython's errors.
import csv
def r(lines, **kw):
    out = []
    try:
        rd = csv.reader(lines, **kw)
        for row in rd:
            out.append(row)
        return f'{out!r} line_num={rd.line_num}'
    except Exception as e:
        return f'{type(e).__name__}: {e} | {out!r}'
tests = [
 (['a,b,c\r\n', '1,2,3\n'], {}), (['a,"b,c",d'], {}), (['"a""b",c'], {}), (['"a\n', 'b",c\n', 'x'], {}), (['a,b\n', '\n', 'c\n'], {}), ([''], {}), (['\r\n'], {}),
 (['"abc'], {}), (['"abc'], dict(strict=True)), (['"a"b,c'], {}), (['"a"b,c'], dict(strict=True)), (['a,"b"c"d",e'], {}), (['"a" ,b'], dict(strict=True)),
 (['a\\,b,c'], dict(escapechar='\\')), (['a\\\nb', 'c'], dict(escapechar='\\')), (['a\\'], dict(escapechar='\\')), (['"a\\"b",c'], dict(escapechar='\\')), (['"a\\'], dict(escapechar='\\')),
 (['a, b,  c'], dict(skipinitialspace=True)), (['a, "b,c"'], dict(skipinitialspace=True)), (['a, "b,c"'], {}), (['1,2.5,"x",,abc'], dict(quoting=csv.QUOTE_NONNUMERIC)), (['1,"x",,""'], dict(quoting=csv.QUOTE_STRINGS)), (['1,"x",,""'], dict(quoting=csv.QUOTE_NOTNULL)),
 (['a,"b"'], dict(quoting=csv.QUOTE_NONE)), (['a\rb'], {}), (['a\nb'], {}), (['a\r\n', 'b'], {}), (['a\x00b,c'], {}), (['"a\x00b",c'], {}), ([b'a,b'], {}), ([1], {}),
 (['a;b;c'], dict(delimiter=';')), (["'a,b',c"], dict(quotechar="'")), (['a,b'], dict(quotechar=None)), (['"a",b'], dict(quotechar=None)), (['a\tb'], dict(dialect='excel-tab')),
 (['x' * 20], {}), (['"' + 'x' * 20 + '"'], {}), (['a,b,"c\r\nd"\r\n'], {}), (['a,b\r', '\nc'], {}), (['"a"\r\n', 'b'], {}), ([' a, b'], dict(skipinitialspace=True, delimiter=' ')),
 (['a b  c'], dict(delimiter=' ', skipinitialspace=True)), (['a, ,b'], dict(skipinitialspace=True)), (['"",x'], {}), ([',,'], {}), (['""'], {}), (['é,😀'], {}),
 (['a,"b\\"c"'], dict(escapechar='\\', doublequote=False)), (['a,"b""c"'], dict(doublequote=False)), (['\\'], dict(escapechar='\\')), (['\\', 'x'], dict(escapechar='\\')),
 (['a, "b" ,c'], dict(skipinitialspace=True)), (['"a\r', 'b"'], {}), ([' "a"'], {}), (['a\\\rb'], dict(escapechar='\\')), ([',\n'], dict(quoting=csv.QUOTE_NOTNULL)),
 (['1e3, nan,inf'], dict(quoting=csv.QUOTE_NONNUMERIC)), (['1,  2'], dict(quoting=csv.QUOTE_NONNUMERIC, skipinitialspace=True)), (['a b'], dict(quoting=csv.QUOTE_NONNUMERIC)),
 (['"a"\n', '"b'], dict(strict=True)), (['a\n', 'b\\'], dict(escapechar='\\', strict=True)),
]
for lines, kw in tests:
    print(kw, lines, r(lines, **kw))
csv.field_size_limit(10)
print(r(['x' * 10]), r(['x' * 11]), r(['"' + 'x' * 11 + '"']), r(['a,' + 'y' * 11]))
csv.field_size_limit(131072)
def gen():
    yield 'a,b'
    raise KeyError('boom')
print(r(gen()))
rd = csv.reader(['a', 'b']); print(next(rd), rd.line_num, next(rd), rd.line_num)
try: next(rd)
except StopIteration: print('stop', rd.line_num)
try: rd.line_num = 5
except AttributeError as e: print(e)
