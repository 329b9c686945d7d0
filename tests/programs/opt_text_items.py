# Characters and bytes indexed in hot loops and inlined calls: ASCII, Latin-1,
# the BMP and beyond it, negative indexes, an index out of range (IndexError in
# the middle of a loop and of an inlined call), bytes and bytearray items, and
# one-character strs of the first 256 code points shared as CPython shares them.

TEXTS = ["plain ascii", "café olé", "日本語テキスト", "astral \U0001F600 here", ""]


def char_codes(text):
    total = 0
    for i in range(len(text)):
        total = total * 31 + ord(text[i])
        total %= 1000003
    return total


def last_chars(text):
    out = []
    for i in range(1, len(text) + 1):
        out.append(text[-i])
    return "".join(out)


def peek(text, pos):
    return text[pos]


def scan(text, stop):
    pos = 0
    while pos < len(text) and peek(text, pos) not in stop:
        pos += 1
    return pos


for text in TEXTS:
    for _ in range(300):
        codes = char_codes(text)
        backwards = last_chars(text)
        where = scan(text, " é語")
    print(repr(text), codes, repr(backwards), where)


def index_until_error(text):
    i = 0
    try:
        while True:
            text[i]
            i += 1
    except IndexError as e:
        return i, str(e)


for text in TEXTS:
    for _ in range(200):
        result = index_until_error(text)
    print(result)


def through_inlined(text, n):
    found = []
    for i in range(n):
        try:
            found.append(peek(text, i - 3))
        except IndexError as e:
            found.append(type(e).__name__)
    return found


for _ in range(200):
    found = through_inlined("abcdef", 12)
print(found)

data = bytes(range(250, 256)) + b"xyz"
mutable = bytearray(b"hello")
total = 0
for _ in range(500):
    for i in range(-len(data), len(data)):
        total += data[i]
    mutable[0] = (mutable[0] + 1) % 256
    total += mutable[0] + mutable[-1]
print(total, bytes(mutable))

s = "".join(chr(c) for c in range(250, 260))
shared = [s[i] is chr(250 + i) for i in range(len(s))]
a_umlaut, b = "\xfa", "b"
ab = "ab"
print(shared[:6], s[0] is a_umlaut, ab[1] is b)
word = "spam"
print(all(word[i] is c for i, c in enumerate("spam")))
