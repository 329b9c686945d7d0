# str split/rsplit/join/splitlines/partition/strip.
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print(s.rsplit(None, 2))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 2))
print("a,b,,c,".rsplit(",", 2))
print("one::two::three".split("::"))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
print("a b c".split(maxsplit=1), "a b c".rsplit(maxsplit=1))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
print("-".join(["x", "y", "z"]), "".join("abc"), ", ".join(map(str, range(5))), "|".join([]))
try:
    ",".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
text = "line1\nline2\r\nline3\rline4\n\nlast"
print(text.splitlines())
print(text.splitlines(keepends=True))
print("no newline".splitlines(), "".splitlines(), "trailing\n".splitlines())
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "..a..".lstrip("."), "..a..".rstrip("."))
print("www.example.com".split(".", 1)[1], "file.txt".rpartition(".")[0], "abc".partition("z"))
print("key=value=x".partition("="), "key=value=x".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
try:
    "a".partition("")
except ValueError as e:
    print(type(e).__name__, e)
csv = "name,age\nann,30\nbob,25"
rows = [line.split(",") for line in csv.splitlines()]
print(rows)
print({r[0]: int(r[1]) for r in rows[1:]})
print("a\tb\tc".expandtabs(), "a\tb\tc".expandtabs(4), "ab\tc\td".expandtabs(3))
print(" ".join(w.capitalize() for w in "hello big world".split()))
