# repr() escapes and str.isprintable() rejects exactly the code points CPython 3.13 does.
samples = ["\xa0", "\xad", "\u200b", "\u2028", "\ufeff", "\u00e9", "\U0001f600", "\u0378", "\ue000", "\u3000", "a b", "\U000e0001", "\u0600", "日本"]
for s in samples:
    print(repr(s), s.isprintable(), ascii(s))
print(sum(1 for n in range(0x3000) if chr(n).isprintable()))
