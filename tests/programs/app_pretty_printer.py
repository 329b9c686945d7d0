# A hand-written JSON-like pretty printer and a tiny serializer/parser round trip.
def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 32:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'

def dumps(value, indent=2, level=0, sort_keys=False):
    pad = " " * (indent * (level + 1))
    end_pad = " " * (indent * level)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and value != value:
            raise ValueError("NaN is not allowed")
        return repr(value)
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        items = [pad + dumps(v, indent, level + 1, sort_keys) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + end_pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        keys = sorted(value) if sort_keys else list(value)
        items = []
        for k in keys:
            if not isinstance(k, str):
                raise TypeError(f"keys must be str, not {type(k).__name__}")
            items.append(f"{pad}{escape(k)}: {dumps(value[k], indent, level + 1, sort_keys)}")
        return "{\n" + ",\n".join(items) + "\n" + end_pad + "}"
    raise TypeError(f"Object of type {type(value).__name__} is not serializable")

def compact(value):
    if isinstance(value, dict):
        return "{" + ",".join(f"{escape(k)}:{compact(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(compact(v) for v in value) + "]"
    return dumps(value)

def parse(text):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(text) and text[pos] in " \n\t":
            pos += 1
    def value():
        nonlocal pos
        ws()
        ch = text[pos]
        if ch == "{":
            pos += 1
            result = {}
            ws()
            if text[pos] == "}":
                pos += 1
                return result
            while True:
                ws()
                k = value()
                ws()
                assert text[pos] == ":", f"expected ':' at {pos}"
                pos += 1
                result[k] = value()
                ws()
                if text[pos] == ",":
                    pos += 1
                    continue
                assert text[pos] == "}", f"expected '}}' at {pos}"
                pos += 1
                return result
        if ch == "[":
            pos += 1
            result = []
            ws()
            if text[pos] == "]":
                pos += 1
                return result
            while True:
                result.append(value())
                ws()
                if text[pos] == ",":
                    pos += 1
                    continue
                pos += 1
                return result
        if ch == '"':
            pos += 1
            buf = []
            while text[pos] != '"':
                if text[pos] == "\\":
                    nxt = text[pos + 1]
                    if nxt == "u":
                        buf.append(chr(int(text[pos + 2:pos + 6], 16)))
                        pos += 6
                        continue
                    buf.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
                    pos += 2
                else:
                    buf.append(text[pos])
                    pos += 1
            pos += 1
            return "".join(buf)
        for word, val in (("null", None), ("true", True), ("false", False)):
            if text.startswith(word, pos):
                pos += len(word)
                return val
        start = pos
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        raw = text[start:pos]
        return float(raw) if any(c in raw for c in ".eE") else int(raw)
    return value()

doc = {
    "name": "tripwire",
    "version": [0, 1, 2],
    "stable": False,
    "ratio": 0.75,
    "big": 2 ** 70,
    "nested": {"empty_list": [], "empty_dict": {}, "deep": [{"k": None}, [1, [2, [3]]]]},
    "text": 'quote " backslash \\ newline \n tab \t bell \x07 unicode é',
    "tuple": (1, "two"),
}
print(dumps(doc))
print(dumps({"b": 1, "a": [True, None]}, indent=4, sort_keys=True))
flat = compact(doc)
print(flat)
back = parse(flat)
print(back == {**doc, "tuple": [1, "two"]}, back["text"] == doc["text"], back["big"])
print(parse(dumps(doc)) == back)
for bad in [{1: "int key"}, {"s": {1, 2}}, float("nan")]:
    try:
        dumps(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(dumps([]), dumps({}), dumps("plain"), dumps(-1.5e-7), dumps([[]]))
