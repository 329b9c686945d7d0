# tokenize.generate_tokens / tokenize.tokenize (CPython's tokenize.py over the
# _tokenize module): types, strings, positions and lines of the tokens of many
# kinds of source, f-strings (3.12+ FSTRING_START / MIDDLE / END), bytes with an
# encoding, and the errors bad source raises.
import io
import tokenize

SOURCES = [
    "x = 1\n",
    "x = 1",
    "if x:\n    y = 'a' + \"b\"\n\n    # c\nelse:\n\tpass\nz\n",
    "def f(a, *b, **c) -> None:\n    return a ** 2 // 3 @ m\n",
    "f'a{x!r:>{w}}b' f\"{{lit}}\" rb'\\x00' u'u'\n",
    "s = '''multi\nline''' + 1\n",
    "(1,\n 2)  # tail\n\n",
    "x = 1 \\\n  + 2\n",
    "class C:\n  def m(self):\n    pass\n\n\n",
    "a = 0x1F + 1_000 + 1.5e-3j + .5 + 0o17 + 0b101 + 1e10\n",
    "\u00e9 = '\u00fc'; print(\u00e9)\n",
    "x += 1; y -= 2; z **= 3; w //= 4; v >>= 5; u <<= 6; t @= 7; s->r; q := 8; ...\n",
    "f'''{\nx\n}'''\n",
    "f'{x=}' f'{x = !s:{y}.{z}}' f'{x:}' f'{x:{y}}' f'{a}{b}' f'{d[\"k\"]:>{w}}'\n",
    "f'2\\N{GREEK CAPITAL LETTER DELTA}3' rf'\\N{x}' f'{{}}'\n",
    "f'''a\n{b}\nc''' f'{\"nested\" f\"{1}\"}'\n",
    "if a:\n  if b:\n    c\n  d\n",
    "if a:\n    b\n# c\n  # d\nc\n",
    "  \n# only comment\n",
    "",
    "\n",
    "# c",
    "x # c",
    "x = [\n  1,  # one\n  2,\n]\n",
    "lambda: (yield)\n",
    "x\r\ny\r\n",
    "x = \"a\\\nb\"\n",
    "a\u20acb = \u20ac\n",
    "@decorator\nasync def g():\n    await x\n    async with y as z: pass\n",
    "match p:\n    case [1, *r] | {'k': v} if v: pass\n    case _: pass\n",
    "type T[U] = list[U]\n",
    "print(1 if a else 2, not b, c is not d, e != f, g <= h, ~i, j ^ k, l | m & n)\n",
    "x = $ ? `\n",
    "t'x' + tr'\\d' + Rt\"q\" + f(t'{a}b', T'''b\nc''')\n",
]

for src in SOURCES:
    print(repr(src))
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        print("   ", tokenize.tok_name[tok.type], tokenize.tok_name[tok.exact_type],
              repr(tok.string), tok.start, tok.end, repr(tok.line))

for data in [b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", b"\xef\xbb\xbfy = 2\n",
             b"z = 'caf\xc3\xa9'"]:
    for tok in tokenize.tokenize(io.BytesIO(data).readline):
        print("   ", tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end,
              repr(tok.line))

BAD = [
    "x = 'abc\n",
    "x = '''abc\n",
    "(1,\n",
    "a = 1\n\\\n",
    "if x:\n    a\n  b\n",
    "f'{'\n",
    "0xg\n",
    "x = 1\n\ty\n",
    "\x01\n",
]
for src in BAD:
    tokens = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            tokens.append((tokenize.tok_name[tok.type], tok.string))
        print(repr(src), "ok", tokens)
    except tokenize.TokenError as e:
        print(repr(src), "TokenError", e.args, tokens)
    except IndentationError as e:
        print(repr(src), "IndentationError", e.args, tokens)

lines = iter(["a = (\n", "  1)\n"])
print([t.string for t in tokenize.generate_tokens(lambda: next(lines))])
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO("x=1 +  2\n").readline)))
