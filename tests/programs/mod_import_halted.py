# A module set to None in sys.modules is blocked: importing it is CPython's
# ModuleNotFoundError, and modules with a native accelerator fall back to Python.
import sys

sys.modules['_json'] = None
sys.modules['_functools_engine'] = None
for stmt in ('import _json', 'from _json import scanstring', 'import _json as j'):
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, e, e.name)

import functools
import json

print(json.dumps({'a': [1, 2.5, None, 'é\n']}), json.dumps([1, {}], indent=1))
print(json.loads('{"k": [true, false, null, 1e3, "\\u00e9"]}'))
for doc in ('[1,]', '{"a" 1}', '"abc', '[1 2]', ''):
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(e)


@functools.lru_cache(maxsize=2)
def square(n):
    return n * n


print([square(i) for i in (1, 2, 1, 3)], square.cache_info())
print(functools.reduce(lambda a, b: a * b, range(1, 6)))
try:
    functools.reduce(len, [])
except TypeError as e:
    print(e)
del sys.modules['_json']
import _json
print(_json.encode_basestring_ascii('é'))
