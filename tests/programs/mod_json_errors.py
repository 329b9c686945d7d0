# json: less common options and the errors they raise.
import json
import io


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("unknown dumps kw", lambda: json.dumps([1], foo=1))
show("unknown loads kw", lambda: json.loads("[1]", foo=1))
show("positional", lambda: json.dumps([1], True))
show("bad separators", lambda: json.dumps([1, 2], separators=(",",)))
show("check_circular off", lambda: json.dumps([[1], [1]], check_circular=False))
show("raw_decode negative", lambda: json.JSONDecoder().raw_decode("[1]", -1))
show("raw_decode past end", lambda: json.JSONDecoder().raw_decode("[1]", 3))
show("raw_decode ws", lambda: json.JSONDecoder().raw_decode("[1]  ", 0))


def bad_constant(name):
    raise ValueError("no constants: " + name)


show("parse_constant raises", lambda: json.loads("[1, NaN]", parse_constant=bad_constant))
show("object_hook raises", lambda: json.loads('{"a": 1}', object_hook=lambda d: d["missing"]))
show("parse_int raises", lambda: json.loads('[1, 2]', parse_int=lambda s: 1 // 0))
show("default returns set", lambda: json.dumps(object(), default=lambda o: {1}))
show("default returns str", lambda: json.dumps([object()], default=lambda o: "obj"))
show("default for key?", lambda: json.dumps({object(): 1}, default=str))
show("skipkeys nested", lambda: json.dumps({"a": {(1,): 2, "b": [{None: 1, 2.5: (3,)}]}},
                                           skipkeys=True, sort_keys=False))
show("sort_keys all skipped", lambda: json.dumps({(1,): 2}, skipkeys=True, indent=2))
show("sort_keys bools", lambda: json.dumps({True: 1, False: 0}, sort_keys=True))
show("indent empty str", lambda: json.dumps([1, [2]], indent=""))
show("indent negative", lambda: json.dumps([1, [2]], indent=-1))
show("ensure_ascii key", lambda: json.dumps({"\u00e9\n": "\U0001f600"}))
show("ensure_ascii off key", lambda: json.dumps({"\u00e9\n": "\U0001f600"}, ensure_ascii=False))


class Enc(json.JSONEncoder):
    def __init__(self, *, marker="!", **kw):
        super().__init__(**kw)
        self.marker = marker

    def default(self, o):
        return self.marker + type(o).__name__


show("cls with kw", lambda: json.dumps([object(), 1], cls=Enc, marker="?"))
show("cls indent", lambda: json.dumps({"o": object()}, cls=Enc, indent=1))
buf = io.StringIO()
json.dump({"o": [object()]}, buf, cls=Enc, separators=(";", "="))
print(buf.getvalue())


class Dec(json.JSONDecoder):
    def decode(self, s):
        return ("wrapped", super().decode(s))


show("decoder cls", lambda: json.loads("[1]", cls=Dec))
show("load cls", lambda: json.load(io.StringIO('{"a": 2}'), cls=Dec))

e = json.JSONDecodeError("Boom", "x\ny\nz", 4)
cls, args = e.__reduce__()
print(cls.__name__, args)
e2 = cls(*args)
print(e2, isinstance(e2, ValueError))
try:
    raise json.JSONDecodeError("Manual", "abc", 1)
except ValueError as err:
    print(type(err).__name__, err.msg, err.pos, err.colno)

# Deeply nested values
deep = 50
text = "[" * deep + "1" + "]" * deep
value = json.loads(text)
print(json.dumps(value) == text)
text = '{"a": ' * deep + 'null' + '}' * deep
print(json.dumps(json.loads(text)) == text)

# Where CPython defines the classes (json.encoder / json.decoder).
print(json.JSONEncoder, json.JSONDecoder, json.JSONDecodeError)
print(type(json.JSONDecodeError("m", "", 0)).__module__)
