# _json, the accelerators of CPython's json package (scanstring, the scanner, the
# encoder, the string escapers), directly and under CPython's json package.
import _json
import math
import os
import shutil
import sys
import tempfile
from collections import OrderedDict
from decimal import Decimal

# CPython's json package under another name: bundled modules come first.
tmp = tempfile.mkdtemp()
os.symlink(os.path.join(os.path.dirname(os.__file__), 'json'),
           os.path.join(tmp, 'cpython_json'))
sys.path.insert(0, tmp)
import cpython_json as cj
import cpython_json.scanner
print(cj.decoder.scanstring is _json.scanstring,
      cj.scanner.make_scanner is _json.make_scanner,
      cj.encoder.c_make_encoder is _json.make_encoder,
      cj.encoder.encode_basestring_ascii is _json.encode_basestring_ascii)


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except ValueError as e:
        print(type(e).__name__, e, getattr(e, 'pos', None),
              getattr(e, 'lineno', None), getattr(e, 'colno', None))
    except Exception as e:
        print(type(e).__name__, e)


docs = ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '{1:2}', '[1 2]', '"abc', '"a\\x"',
        '"\\u12"', '"\\u12zz"', '"a\nb"', '[', '{', '{"a":', '[1,', 'nul', '-', '-x',
        '1.', '1e', '01', '[1]x', 'NaN', '-Infinity', 'Infinity', '{"a":1 ,"b"}',
        '"\\', '"\\ud800\\udc00"', '"\\ud800x"', '"\\ud800\\u0041"',
        '"\\ud800\\udc"', '[-0, 1.5e3, 1E-2, 10000000000000000000000, -12, 0.5E+2]',
        '{  }', '[ ]', '"\\uD834\\uDD1E"', '["\\u00e9\u00e9"]', '\u00e9', '[1,,2]',
        '{,}', '{"a":1,,}', ' {"k" : [true , false, null] } ', '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
        '["\u00e9", 1, "\u00e9\u00e9" 2]', '\n\n  [1,\n   x]', '{"a": {"b": [1, {"c": }]}}',
        '[1e400, -1e400, 1.0e-400]', '123456789012345678901234567890.5']
for doc in docs:
    show(cj.loads, doc)

# hooks, constants and number parsers
show(cj.loads, '{"a": 1, "b": [2.5, 3]}', object_hook=lambda d: sorted(d.items()))
show(cj.loads, '{"b": 1, "a": 2, "b": 3}', object_pairs_hook=OrderedDict)
show(cj.loads, '{"b": 1, "a": 2}', object_pairs_hook=list, object_hook=dict)
show(cj.loads, '[1.1, 2, 3e2]', parse_float=Decimal, parse_int=lambda s: 'int:' + s)
show(cj.loads, '[NaN, Infinity, -Infinity]', parse_constant=lambda c: c.lower())
show(cj.loads, '[NaN]', parse_constant=lambda c: 1 / 0)
show(cj.loads, '"a\tb"', strict=False)
show(cj.loads, '"a\tb"')
print(math.isnan(cj.loads('NaN')))
big = '[' * 20 + ']' * 20
print(len(str(cj.loads(big))))
keys = cj.loads('[{"name": 1}, {"name": 2}]')
print(list(keys[0])[0] is list(keys[1])[0])

# scanstring
show(_json.scanstring, '"abc" x', 1)
show(_json.scanstring, 'xx"\u00e9\\n" tail', 3)
show(_json.scanstring, 'abc', 5)
show(_json.scanstring, 'abc', -1)
show(_json.scanstring, b'abc', 1)
show(_json.scanstring, 'a\tb"', 0, False)
show(_json.scanstring, 'a\tb"', 0)

# the scanner
s = _json.make_scanner(cj.decoder.JSONDecoder())
print(type(s).__name__, s('[1]', 0), s('  "x"', 2), s('\u00e9\u00e9 [true]', 3))
for args in (('[1]', 5), ('[1]', -1), ('x', 0), ('[1', 0), ('{"a": x}', 0)):
    try:
        print(s(*args))
    except StopIteration as e:
        print('StopIteration', e.value)
    except Exception as e:
        print(type(e).__name__, e)
print(cj.JSONDecoder().raw_decode('  {"a": [1, 2]} tail', 2))

# the escapers
print(_json.encode_basestring_ascii('a\u00e9\U0001f600"\\\n\x01\x7f\u2028'))
print(_json.encode_basestring('a\u00e9"\x7f\x1f\b\f\r\t\U0001f600'))
show(_json.encode_basestring, 1)
show(_json.encode_basestring_ascii, b'x')


# the encoder
def dumps(*args, **kwargs):
    show(cj.dumps, *args, **kwargs)


class I(int):
    pass


class F(float):
    def __repr__(self):
        return 'F!'


class S(str):
    pass


class L(list):
    pass


class D(dict):
    pass


dumps({1: 2, 1.5: 3, True: 4, None: 5, 'x': [1, 2.5, None, True, False]})
dumps({False: 1, 2**70: 2, -0.0: 3})
dumps({(1, 2): 3})
dumps({(1, 2): 3, 'a': 1}, skipkeys=True)
dumps(float('nan'))
dumps([float('inf'), -float('inf')])
dumps([float('inf')], allow_nan=False)
dumps({float('inf'): 1}, allow_nan=False)
dumps(set())
a = []
a.append(a)
dumps(a)
d = {}
d['d'] = d
dumps(d)
dumps([1, {'b': 1, 'a': [], 'c': {}}], indent=2, sort_keys=True)
dumps([1, {'b': 1, 'a': 2}], indent='\t', separators=(',', '= '))
dumps({'b': 1, 1: 2}, sort_keys=True)
dumps(set(), default=list)
dumps(set(), default=lambda o: o)
dumps({'k': {1, 2}}, default=sorted)
dumps('\u00e9\U0001f600', ensure_ascii=False)
dumps('\u00e9\U0001f600')
dumps([I(5), F(2.5), True, S('s'), L([1]), D(a=1), (1, 2), 2**100, -7, 1e16, 0.1])
dumps([[[[1]]]], indent=0)
dumps({'a': [], 'b': {}}, indent=4)
dumps({'a': 1, 'b': [1, 2]}, separators=(',', ':'))
dumps([Decimal('1.5')])
dumps({S('k'): I(1)})
enc = _json.make_encoder(None, None, lambda s: '<' + s + '>', None, ':', ',',
                         False, False, True)
print(type(enc).__name__, enc(['a', {'k': 'v'}], 0))
show(_json.make_encoder(None, None, lambda s: 1, None, ':', ',', False, False, True),
     ['a'], 0)
show(_json.make_encoder, [], None, repr, None, ':', ',', False, False, True)
show(_json.make_encoder(None, None, repr, 4, ':', ',', False, False, True), [1], 0)
show(_json.make_encoder, None, None, repr, None, 4, ',', False, False, True)
print(_json.make_encoder({}, None, _json.encode_basestring_ascii, '  ', ': ', ',',
                         True, False, True)({'b': [1], 'a': 2}, 1))
print(cj.dumps(cj.loads('{"x": [1, 2.5, "\\u00e9", null, true, {"y": -1e-07}]}')))
shutil.rmtree(tmp)
