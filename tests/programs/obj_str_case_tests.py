# Case conversion and character class predicates.
samples = ["hello", "HELLO", "Hello World", "hELLO wORLD", "123", "abc123", "  ", "", "ÄÖü straße",
           "a1 b2", "Title Case Here", "it's o'neil", "MiXeD_CaSe-123", "\t\n", "x"]
for s in samples:
    print(repr(s), [s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase()])
for s in samples:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(), s.isupper(), s.islower())
print("ß".upper(), "ÄÖÜ".lower(), "ñ".upper(), "Σ".lower(), "ǆ".title())
print("²".isdigit(), "é".isalpha(), "日本".isalpha(), "\u00a0".isspace(), "Ab1".isalnum())
