# Padding, zfill, encode, unicode text, str constructors.
for s in ["ab", "abc", "", "wide text"]:
    print(repr(s.center(7)), repr(s.center(8, "*")), repr(s.ljust(6, ".")), repr(s.rjust(6)), repr(s.zfill(5)))
print("42".zfill(6), "-42".zfill(6), "+7".zfill(4), "3.14".zfill(7), "abc".zfill(2))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
text = "Grüße, 世界! 😀"
print(len(text), text.upper(), text[7:9], text[-1], text[::-1])
enc = text.encode()
print(enc, len(enc), type(enc).__name__)
print(enc.decode() == text, enc.decode("utf-8")[:5])
print("abc".encode("ascii"), "é".encode("utf-8"), "é".encode())
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print([hex(ord(c)) for c in "aé世😀"])
print("\u00e9" == "é", "\x41\u0042\U00000043", "\101")
print(str(), str(5), str(-1.25), str([]), str(b"ab", "ascii"), str(b"\xc3\xa9", encoding="utf-8"))
print("a" + "b" + "c", "".join(reversed("stressed")), "abc" < "abd" < "b")
words = "the Zebra apple Mango banana".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), max(words, key=len))
print("%-10s|%10s|" % ("left", "right"), "{:^10}|".format("mid"))
print("snake_case_name".replace("_", " ").title().replace(" ", ""))
print("-".join("abc").upper().split("-"))
s = "hello"
print(s.replace("e", "i").replace("l", "p"), "".join(c for c in s if c != "l"))
print("Hello".center(11, "=").lower().count("="))
