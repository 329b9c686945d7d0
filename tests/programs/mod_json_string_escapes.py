# json.dumps of strings: those that need no escape are written as they are (the
# fast path), every other one character by character, with and without
# ensure_ascii; a large list of plain strings is encoded whole.
import json

SAMPLES = [
    "", "plain text", "with \"quotes\"", "back\\slash", "tab\there", "nl\n",
    "\x00\x01\x1f", "del\x7f", "caf\u00e9", "\u2028line sep", "\u00a0nbsp",
    "emoji \U0001f600", "mixed \"\u00e9\"\n\\",
    "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}", "\x7f" * 3, "\u0085",
]
for s in SAMPLES:
    print(json.dumps(s), json.dumps(s, ensure_ascii=False), json.loads(json.dumps(s)) == s)
print(json.dumps({"k\u00e9y": ["v\"1", "v2"]}, ensure_ascii=False))
big = json.dumps(["x" * 1000] * 20_000)
print(len(big), big[:12], big[-12:])
