# json: dumps/dump, loads/load, JSONEncoder/JSONDecoder subclasses, errors.
import json
import io


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


# --- basic encoding
print(json.dumps(None), json.dumps(True), json.dumps(False))
print(json.dumps(0), json.dumps(-17), json.dumps(10 ** 30), json.dumps(-(2 ** 70)))
print(json.dumps(1.5), json.dumps(0.1), json.dumps(-0.0), json.dumps(1e100),
      json.dumps(1e-7), json.dumps(123456789012345678.0), json.dumps(3.0))
print(json.dumps(float('nan')), json.dumps(float('inf')), json.dumps(-float('inf')))
print(json.dumps("hello"), json.dumps(""), json.dumps("a\"b\\c/d"))
print(json.dumps("\n\r\t\b\f\x00\x01\x1f\x7f"))
print(json.dumps("caf\u00e9 \u2603 \U0001f600 \uffff"))
print(json.dumps("caf\u00e9 \u2603 \U0001f600 \x7f\x1f\n\"", ensure_ascii=False))
print(json.dumps([1, "two", 3.0, None, True, [], {}, [[]], {"a": {}}]))
print(json.dumps((1, 2, (3, 4))))
print(json.dumps({"b": 1, "a": 2, "c": [1, 2, {"d": None}]}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n", "s": "str"}))
print(json.dumps({float('inf'): 1, -float('inf'): 2}))
print(json.dumps({10 ** 20: 1}))


class MyInt(int):
    def __repr__(self):
        return 'MyInt!'

    def __str__(self):
        return 'MyInt?'


class MyFloat(float):
    def __repr__(self):
        return 'MyFloat!'


class MyStr(str):
    pass


class MyDict(dict):
    pass


class MyList(list):
    pass


print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("x"), MyDict(a=1), MyList([1, 2])]))
print(json.dumps({MyInt(7): 1, MyStr("k"): 2, MyFloat(0.5): 3}))

# --- indent / separators
data = {"name": "tripwire", "tags": ["a", "b"], "nested": {"x": [1, {"y": []}], "z": {}},
        "n": None}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent="\t"))
print(json.dumps(data, indent="--", sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, indent=1, separators=(" ,", " = ")))
print(json.dumps([1, [2, [3]]], indent=3))
print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps("s", indent=2))
print(json.dumps(data, sort_keys=True, indent=4, separators=(',', ': ')))

# --- skipkeys, allow_nan, default, circular
print(json.dumps({"a": 1, (1, 2): 2, "b": 3}, skipkeys=True))
show("tuplekey", lambda: json.dumps({(1, 2): 3}))
show("framekey", lambda: json.dumps({"a": {frozenset(): 1}}))
show("nan", lambda: json.dumps(float('nan'), allow_nan=False))
show("inf", lambda: json.dumps([1, float('inf')], allow_nan=False))
show("-inf", lambda: json.dumps({"k": -float('inf')}, allow_nan=False, indent=1))
show("nankey", lambda: json.dumps({float('nan'): 1}, allow_nan=False))
show("set", lambda: json.dumps({1, 2}))
show("nested set", lambda: json.dumps({"a": [1, {2, 3}]}))
show("bytes", lambda: json.dumps(b"abc"))
show("object", lambda: json.dumps([object()]) and None)
show("range", lambda: json.dumps(range(3), indent=2))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))
print(json.dumps([range(2), range(3)], default=list))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


print(json.dumps([Point(1, 2), Point(3, 4)], default=lambda p: {"x": p.x, "y": p.y}))
lst = [1, 2]
lst.append(lst)
show("circular list", lambda: json.dumps(lst))
d = {"a": 1}
d["self"] = d
show("circular dict", lambda: json.dumps(d))
show("circular indent", lambda: json.dumps(d, indent=2))
shared = [1, 2]
print(json.dumps([shared, shared, {"s": shared}]))


class Loop:
    pass


show("circular default", lambda: json.dumps(Loop(), default=lambda o: [o]))
show("mixed sort", lambda: json.dumps({1: 2, "a": 3}, sort_keys=True))


# --- JSONEncoder subclasses
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        return super().default(o)


print(json.dumps({"s": {3, 1, 2}, "p": Point(5, 6)}, cls=SetEncoder))
print(json.dumps({"s": {3, 1, 2}}, cls=SetEncoder, indent=1, sort_keys=True))
print(SetEncoder().encode([frozenset([9, 8])]))
show("subclass fails", lambda: json.dumps(object, cls=SetEncoder))
enc = json.JSONEncoder(indent=2, sort_keys=True)
print(enc.encode({"b": [1], "a": "x"}))
print("".join(enc.iterencode({"b": [1], "a": "x"})))
print(enc.encode("just a string"), enc.encode(5), enc.encode(None))
print(json.JSONEncoder().item_separator, json.JSONEncoder().key_separator)
print(repr(json.JSONEncoder(indent=2).item_separator))
show("base default", lambda: json.JSONEncoder().default(3))
print(json.JSONEncoder(ensure_ascii=False).encode("\u00e9"))

# --- dump to a file object
buf = io.StringIO()
json.dump({"k": [1, 2, 3], "v": "\u00e9"}, buf)
print(buf.getvalue())
buf = io.StringIO()
json.dump([1, {"a": None}], buf, indent=2)
print(buf.getvalue())


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


c = Collect()
json.dump({"x": 1}, c, sort_keys=True)
print("".join(c.parts))

# --- decoding
print(json.loads('null'), json.loads('true'), json.loads('false'))
print(repr(json.loads('"hello"')), json.loads('42'), json.loads('-0'), json.loads('-12.5e3'))
print(json.loads('1E2'), json.loads('1e-2'), json.loads('0.5'), json.loads('-0.0'))
print(json.loads('123456789012345678901234567890'))
print(json.loads('NaN'), json.loads('Infinity'), json.loads('-Infinity'))
print(json.loads(' [1, 2.0, "x", null, true, false, [], {}] '))
print(json.loads('{"a": {"b": [1, {"c": "d"}]}, "e": []}'))
print(json.loads('\n\t{ "a" :\r\n 1 , "b":2 }\n'))
print(json.loads('{"a": 1, "a": 2}'))
print(repr(json.loads(r'"\"\\\/\b\f\n\r\t"')))
print(repr(json.loads(r'"\u00e9\u2603\ud83d\ude00 \u0041"')))
print(repr(json.loads('"caf\u00e9 \U0001f600"')))
print(json.loads(b'{"bytes": [1, 2]}'), json.loads(b'"\xc3\xa9"'))
print(json.loads(b'\xef\xbb\xbf[1]'))
print(type(json.loads('1')).__name__, type(json.loads('1.0')).__name__,
      type(json.loads('1e5')).__name__)
for text in ['"x"', '[1,[2,[3,[4]]]]', '{"k": {"k": {"k": null}}}', '3.25', '[]', '{}']:
    print(text, '->', json.dumps(json.loads(text)))

# round trips
values = [
    None, True, False, 0, 1, -1, 2 ** 64, 0.1, -2.5, 1e300, 1e-300, "", "ascii",
    "\u00fcnic\u00f6de \U0001f40d", "\x00\x1f\"\\", [], {}, [1, [2, [3]]],
    {"a": [1, 2, {"b": None}], "c": "d", "e": {"f": 1.25}},
    {"list": list(range(10)), "str": "x" * 50},
]
for v in values:
    for kw in ({}, {"indent": 2}, {"ensure_ascii": False}, {"sort_keys": True},
               {"separators": (",", ":")}):
        s = json.dumps(v, **kw)
        back = json.loads(s)
        if back != v:
            print("ROUND TRIP FAILED", repr(v), kw, s)
print("round trips ok")
print(json.loads(json.dumps((1, (2, 3)))))
print(json.loads(json.dumps({1: 2, None: 3, True: 4})))

# --- hooks
print(json.loads('{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[{"z": 1, "a": 2}, {}]', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=tuple))
print(json.loads('[1.5, 2, 3e2]', parse_float=lambda s: 'F' + s))
print(json.loads('[1.5, 2, -30]', parse_int=lambda s: 'I' + s))
print(json.loads('[1.5, 2]', parse_int=float, parse_float=str))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: s.lower()))


def point_hook(d):
    if "__point__" in d:
        return Point(*d["__point__"])
    return d


p = json.loads(json.dumps(Point(7, 8), cls=SetEncoder), object_hook=point_hook)
print(type(p).__name__, p.x, p.y)


# --- JSONDecoder
dec = json.JSONDecoder()
print(dec.decode(' {"x": [1, 2]} '))
print(dec.raw_decode('[1, 2] trailing'))
print(dec.raw_decode('xx"abc" rest', 2))
print(dec.raw_decode('{"a":1}{"b":2}'))
show("raw_decode bad", lambda: dec.raw_decode(' [1]'))


class UpperDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.upper_keys, **kw)

    def upper_keys(self, d):
        return {k.upper(): v for k, v in d.items()}


print(json.loads('{"abc": {"def": 1}}', cls=UpperDecoder))
print(UpperDecoder().decode('[{"q": 0}]'))
show("strict", lambda: json.loads('"a\tb"'))
print(repr(json.loads('"a\tb\nc"', strict=False)))
print(repr(json.JSONDecoder(strict=False).decode('["\x00"]')))

# --- file load
print(json.load(io.StringIO('{"from": "file", "n": [1, 2]}')))
print(json.load(io.StringIO('[1.5]'), parse_float=lambda s: s))

# --- JSONDecodeError
print(issubclass(json.JSONDecodeError, ValueError))
try:
    json.loads('{"a": 1,\n  "b": 2\n  "c": 3}')
except json.JSONDecodeError as e:
    print(repr(e.msg), e.pos, e.lineno, e.colno, e.doc == '{"a": 1,\n  "b": 2\n  "c": 3}')
    print(e.args)
    print(str(e))
except ValueError:
    print("wrong class")
e = json.JSONDecodeError("Custom", "ab\ncd\nef", 7)
print(e, e.msg, e.pos, e.lineno, e.colno)
e = json.JSONDecodeError("At start", "", 0)
print(e, e.lineno, e.colno)
try:
    json.loads("[1, 2")
except ValueError as e:
    print("caught as ValueError:", e)

bad = [
    '', '   ', '[', ']', '{', '}', '[1,', '[1,]', '[1 2]', '[1,,2]', '[,1]',
    '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}', '{a: 1}', "{'a': 1}",
    '{1: 2}', '{"a":1 "b":2}', '{,}', '"abc', '"a\\', '"a\\x"', '"\\u12"', '"\\u12',
    '"\\u12zz"', '"\\u00e"', '"\\ud83d\\u12zz"', '"a\x01"', '"\nb"', '-', '-a', '--1',
    '+1', '.5', '1.', '1.e5', '1e', '1e+', '1.5e+', '01', '00', '-01', '0x10', 'nul',
    'nulls', 'True', 'none', 'nan', 'inf', '-inf', '-Infinityy', 'Infinit', '[1] x',
    '[1]]', '{}{}', '"a" "b"', '1 2', 'tru', 'f', '[1,\n 2,\n x]',
    '\n\n  {"k": [1,\n     2,,\n]}', '[\u00e9]', '"\\ "',
]
for text in bad:
    try:
        result = json.loads(text)
        print(repr(text), "->", repr(result))
    except json.JSONDecodeError as e:
        print(repr(text), type(e).__name__, e)
show("bom", lambda: json.loads('\ufeff[1]'))
show("not str", lambda: json.loads(5))
show("not str list", lambda: json.loads(["[]"]))
show("none", lambda: json.loads(None))
