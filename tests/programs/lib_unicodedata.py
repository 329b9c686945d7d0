# unicodedata on the crate's tables: each property of a spread of characters (letters,
# digits of several scripts, marks, CJK, Hangul, emoji, full-width forms), the four
# normalization forms with lone surrogates, name/lookup with aliases, sequences and
# algorithmic names, the ucd_3_2_0 view, CPython's errors; stringprep and IDNA on top.
# (unidata_version is not printed: the tables are a newer Unicode than CPython's.)
import unicodedata as u
for f, a in [(u.name, (5,)), (u.name, ('ab',)), (u.name, ('\x00',)), (u.name, ('\x00', 'dflt')), (u.lookup, ('SNOWMAN',)), (u.lookup, (b'SNOWMAN',)), (u.lookup, ('NOPE',)), (u.lookup, ('x'*300,)), (u.lookup, (5,)),
  (u.decimal, ('a',)), (u.digit, ('a',)), (u.numeric, ('a',)), (u.decimal, ('a', None)), (u.normalize, ('NFX', 'a')), (u.normalize, ('NFC', 5)), (u.normalize, (5, 'a')), (u.category, ('\ud800',)), (u.name, ()), (u.name, ('a','b','c')),
  (u.lookup, ('LATIN SMALL LETTER R WITH TILDE',)), (u.lookup, ('latin small letter a',)), (u.name, ('\uac00',)), (u.lookup, ('HANGUL SYLLABLE GA',)), (u.name, ('\u4e00',)), (u.lookup, ('CJK UNIFIED IDEOGRAPH-4E00',)), (u.is_normalized, ('NFC', 'e\u0301')), (u.ucd_3_2_0.name, ('\u20ac',)), (u.ucd_3_2_0.category, ('\u0221',)), (u.category, ('\u0221',))]:
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
print(u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0), u.UCD)
chars = 'aZ5 \t\n.,;-_()[]{}<>«»éÅßΩπжא٣५²⅓½ⅷ①가一ア𝔸😀\u0301\u0327\u200d\u00a0\u3000ｱＡ'
for c in chars:
    print('%04X' % ord(c), u.name(c, '-'), u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c), u.mirrored(c), u.decomposition(c), u.decimal(c, None), u.digit(c, None), u.numeric(c, None))
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    for s in ['e\u0301', 'é', 'Å', 'ﬁ', '①', '가', '\u1100\u1161', 'ｱ', 'x\ud800e\u0301', 'a\u0327\u0301', '']:
        r = u.normalize(form, s)
        print(form, ascii(s), ascii(r), u.is_normalized(form, s))
import stringprep, encodings.idna
print(stringprep.in_table_b1('\u00ad'), stringprep.map_table_b2('\u00c5'), 'bücher.de'.encode('idna'))
