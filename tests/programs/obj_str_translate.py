# str.maketrans / translate / format_map / casefold / isascii / isprintable,
# including the error each one raises on bad input.

def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


table = str.maketrans("abc", "xyz", "!")
print(sorted(table.items()))
print("a cab! bac!".translate(table))
print("hello".translate({ord("l"): "LL", ord("o"): None}))
print("abc".translate([None] * 98))
print(str.maketrans({"a": "b", 5: None, 0x41: 0x42}))
print("rot13:", "Hello, World".translate(str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")))


class Counting(dict):
    def __missing__(self, key):
        return key.upper()


print("{name} is {age}".format_map({"name": "Ada", "age": 36}))
print("{x} and {y}".format_map(Counting(x="given")))
print("{0[1]}".format_map({}) if False else "skip positional")
print("Straße".casefold(), "ΣΑΣ".casefold(), "ABC".casefold())
print("abc".isascii(), "é".isascii(), "".isascii())
print("abc def".isprintable(), "a\n".isprintable(), "\x7f".isprintable(), "".isprintable())

attempt("one non-dict", lambda: str.maketrans(1))
attempt("unequal", lambda: str.maketrans("ab", "c"))
attempt("long key", lambda: str.maketrans({"ab": 1}))
attempt("float key", lambda: str.maketrans({1.0: 1}))
attempt("int first", lambda: str.maketrans(1, "a"))
attempt("int second", lambda: str.maketrans("a", 1))
attempt("int third", lambda: str.maketrans("a", "b", 1))
attempt("no args", lambda: str.maketrans())
attempt("float value", lambda: "abc".translate({97: 1.5}))
attempt("negative", lambda: "abc".translate({97: -1}))
attempt("big", lambda: "abc".translate({97: 0x110000}))
attempt("missing", lambda: "{a}".format_map({}))
attempt("not mapping", lambda: "{a}".format_map(1))
