"""Jsonish: a JSON encoder and recursive-descent parser written in Python.

A seeded generator builds a document of nested dicts and lists holding
strings (with escapes, accents, CJK and characters outside the BMP), ints,
big ints, floats, booleans and None.  Each round encodes it compactly,
parses the text back, encodes the result indented with sorted keys and
parses that too; every parse must equal the original.  The workload is
character-by-character string scanning, string building with join, dict and
list construction, isinstance dispatch and recursion.  It prints the text
sizes and a checksum of the indented text.
"""

import random

ESCAPES = {
    '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r",
    "\t": "\\t", "\b": "\\b", "\f": "\\f",
}
UNESCAPES = {
    '"': '"', "\\": "\\", "/": "/", "n": "\n", "r": "\r",
    "t": "\t", "b": "\b", "f": "\f",
}
NUMBER_CHARS = frozenset("+-0123456789.eE")
WHITESPACE = " \t\n\r"


class ParseError(Exception):
    pass


def quote(text):
    pieces = ['"']
    for ch in text:
        if ch in ESCAPES:
            pieces.append(ESCAPES[ch])
        elif " " <= ch <= "~":
            pieces.append(ch)
        else:
            code = ord(ch)
            if code >= 0x10000:
                code -= 0x10000
                pieces.append("\\u%04x\\u%04x" % (0xD800 | (code >> 10),
                                                  0xDC00 | (code & 0x3FF)))
            else:
                pieces.append("\\u%04x" % code)
    pieces.append('"')
    return "".join(pieces)


class Encoder:
    def __init__(self, indent=None, sort_keys=False):
        self.indent = indent
        self.sort_keys = sort_keys

    def encode(self, value):
        pieces = []
        self.emit(value, pieces, 0)
        return "".join(pieces)

    def emit(self, value, out, depth):
        if value is None:
            out.append("null")
        elif value is True:
            out.append("true")
        elif value is False:
            out.append("false")
        elif isinstance(value, str):
            out.append(quote(value))
        elif isinstance(value, int):
            out.append(str(value))
        elif isinstance(value, float):
            out.append(repr(value))
        elif isinstance(value, dict):
            self.emit_object(value, out, depth)
        elif isinstance(value, list):
            self.emit_array(value, out, depth)
        else:
            raise TypeError(f"cannot encode {type(value).__name__}")

    def separators(self, depth):
        if self.indent is None:
            return ",", ":", "", ""
        inner = "\n" + " " * (self.indent * (depth + 1))
        return "," + inner, ": ", inner, "\n" + " " * (self.indent * depth)

    def emit_object(self, value, out, depth):
        if not value:
            out.append("{}")
            return
        comma, colon, opening, closing = self.separators(depth)
        keys = sorted(value) if self.sort_keys else list(value)
        out.append("{" + opening)
        for i, key in enumerate(keys):
            if i:
                out.append(comma)
            out.append(quote(key))
            out.append(colon)
            self.emit(value[key], out, depth + 1)
        out.append(closing + "}")

    def emit_array(self, value, out, depth):
        if not value:
            out.append("[]")
            return
        comma, _, opening, closing = self.separators(depth)
        out.append("[" + opening)
        for i, item in enumerate(value):
            if i:
                out.append(comma)
            self.emit(item, out, depth + 1)
        out.append(closing + "]")


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def parse(self):
        value = self.value()
        self.skip()
        if self.pos != len(self.text):
            raise ParseError(f"extra data at {self.pos}")
        return value

    def skip(self):
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos] in WHITESPACE:
            pos += 1
        self.pos = pos

    def value(self):
        self.skip()
        if self.pos >= len(self.text):
            raise ParseError("unexpected end")
        ch = self.text[self.pos]
        if ch == "{":
            return self.object()
        if ch == "[":
            return self.array()
        if ch == '"':
            return self.string()
        if ch in NUMBER_CHARS:
            return self.number()
        for word, result in (("null", None), ("true", True), ("false", False)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return result
        raise ParseError(f"unexpected {ch!r} at {self.pos}")

    def expect(self, ch):
        self.skip()
        if self.text[self.pos:self.pos + 1] != ch:
            raise ParseError(f"expected {ch!r} at {self.pos}")
        self.pos += 1

    def object(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            if ch != ",":
                raise ParseError(f"expected ',' or '}}' at {self.pos - 1}")

    def array(self):
        self.pos += 1
        result = []
        self.skip()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result
            if ch != ",":
                raise ParseError(f"expected ',' or ']' at {self.pos - 1}")

    def hex4(self, pos):
        digits = self.text[pos:pos + 4]
        if len(digits) != 4:
            raise ParseError(f"short escape at {pos}")
        return int(digits, 16)

    def string(self):
        text = self.text
        if text[self.pos] != '"':
            raise ParseError(f"expected a string at {self.pos}")
        pos = self.pos + 1
        chunks = []
        start = pos
        while True:
            ch = text[pos]
            if ch == '"':
                chunks.append(text[start:pos])
                self.pos = pos + 1
                return "".join(chunks)
            if ch != "\\":
                pos += 1
                continue
            chunks.append(text[start:pos])
            kind = text[pos + 1]
            if kind == "u":
                code = self.hex4(pos + 2)
                pos += 6
                if 0xD800 <= code < 0xDC00 and text.startswith("\\u", pos):
                    low = self.hex4(pos + 2)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    pos += 6
                chunks.append(chr(code))
            else:
                chunks.append(UNESCAPES[kind])
                pos += 2
            start = pos

    def number(self):
        text = self.text
        start = self.pos
        pos = start
        while pos < len(text) and text[pos] in NUMBER_CHARS:
            pos += 1
        self.pos = pos
        literal = text[start:pos]
        if "." in literal or "e" in literal or "E" in literal:
            return float(literal)
        return int(literal)


SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zu", "qua",
             "é", "ß", "中", "文", "🎉", "\n", "\t", '"', "\\", "/", "\x07"]


def word(rng, lo, hi):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi)))


def make_value(rng, depth):
    roll = rng.random()
    if depth > 0 and roll < 0.25:
        return {word(rng, 1, 4): make_value(rng, depth - 1)
                for _ in range(rng.randint(0, 6))}
    if depth > 0 and roll < 0.4:
        return [make_value(rng, depth - 1) for _ in range(rng.randint(0, 6))]
    if roll < 0.6:
        return word(rng, 0, 12)
    if roll < 0.75:
        return rng.randint(-10**6, 10**6)
    if roll < 0.78:
        return rng.getrandbits(100) - 2**99
    if roll < 0.92:
        return rng.uniform(-1e4, 1e4) * 10.0 ** rng.randint(-30, 30)
    return rng.choice([None, True, False])


def make_document(rng, records):
    return {
        "version": 3,
        "records": [
            {"id": i, "name": word(rng, 2, 6), "tags": [word(rng, 1, 3) for _ in range(3)],
             "score": rng.random(), "payload": make_value(rng, 4)}
            for i in range(records)
        ],
    }


RECORDS = 150
ROUNDS = 46


def main():
    document = make_document(random.Random(12345), RECORDS)
    compact = Encoder()
    pretty = Encoder(indent=2, sort_keys=True)
    for _ in range(ROUNDS):
        text = compact.encode(document)
        back = Parser(text).parse()
        if back != document:
            raise AssertionError("compact round trip changed the document")
        indented = pretty.encode(back)
        again = Parser(indented).parse()
        if again != document:
            raise AssertionError("indented round trip changed the document")
    checksum = 0
    for ch in indented:
        checksum = (checksum * 33 + ord(ch)) % 4294967291
    print("jsonish: %d records, %d rounds" % (RECORDS, ROUNDS))
    print(f"compact {len(text)} chars, indented {len(indented)} chars, "
          f"{indented.count(chr(10)) + 1} lines")
    print("checksum:", checksum)
    print("start:", text[:60])


if __name__ == "__main__":
    main()
