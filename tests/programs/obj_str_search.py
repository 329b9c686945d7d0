# find/rfind/index/rindex/count/startswith/endswith/replace/in.
s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.find("the", 5, 20), s.find("dog"), s.rfind("the"), s.rfind("the", 0, 20))
print(s.index("cat"), s.rindex("at"), s.count("at"), s.count("the"), s.count("t", 10), s.count(""), "aaaa".count("aa"))
try:
    s.index("dog")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("dog")
except ValueError as e:
    print(type(e).__name__, e)
print(s.startswith("the"), s.startswith("cat", 4), s.endswith("hat"), s.endswith(("dog", "hat")), s.startswith(("a", "b")))
print(s.endswith("sat", 0, 11), "".startswith(""), "abc".endswith(""))
print(s.replace("the", "THE"), s.replace("the", "a", 2), s.replace("", "-")[:12], s.replace("zzz", "y") == s)
print("aaa".replace("a", "aa"), "abcabc".replace("bc", ""), "x".replace("x", "", 0))
print("cat" in s, "dog" in s, "" in s, "t c" in s, "THE" in s)
print(s.find(""), s.rfind(""), len(s))
print("mississippi".find("ss"), "mississippi".rfind("ss"), "mississippi".split("ss"), "mississippi".count("i"))
word = "banana"
positions = []
start = 0
while (i := word.find("an", start)) != -1:
    positions.append(i)
    start = i + 1
print(positions)
print("abc" * 3, 3 * "ab", "x" * 0, "x" * -1, "-" * 10)
print("hello"[1:4], "hello"[-3:], "hello"[::2], "hello"[::-1], "hello"[10:])
print(min("hello"), max("hello"), sorted("hello"), list(reversed("abc")), len("héllo"))
print("a" < "b", "apple" < "apricot", "Zebra" < "apple", "abc" == "abc", "a" * 3 == "aaa")
print(ord("a"), ord("A"), ord("€"), ord("😀"), chr(97), chr(8364), chr(128512), chr(0x41))
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc".count()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.startswith(["the"])
except TypeError as e:
    print(type(e).__name__, e)
print(str(123), str(1.5), str([1, "a"]), str(None), str(b"x"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("nl\n"), repr("\\"), repr("\x00\x7f"), repr("é"), ascii("é😀"))
