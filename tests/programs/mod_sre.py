# _sre runs the pattern code CPython 3.13's re._compiler makes: each case is a pattern,
# its flags, its compiled code (as re._compiler made it), group count, group names.
import _sre

CASES = [
    ('(a)(b)?c|(?P<x>d+)', 32, [14, 4, 0, 1, 4294967295, 7, 22, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 16, 99, 15, 16, 14, 17, 4, 24, 6, 1, 4294967295, 16, 100, 1, 17, 5, 15, 2, 0, 1], 3, {'x': 3}, (None, None, None, 'x')),
    ('\\w+@\\w+\\.com', 32, [14, 4, 0, 7, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 16, 64, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 16, 46, 16, 99, 16, 111, 16, 109, 1], 0, {}, (None,)),
    ('^(\\d{3})-(\\d{4})$', 40, [14, 4, 0, 8, 8, 6, 1, 17, 0, 24, 9, 3, 3, 13, 4, 8, 10, 0, 1, 17, 1, 16, 45, 17, 2, 24, 9, 4, 4, 13, 4, 8, 10, 0, 1, 17, 3, 6, 6, 1], 2, {}, (None, None, None)),
    ('colou?r', 34, [14, 4, 0, 5, 6, 40, 99, 40, 111, 40, 108, 40, 111, 24, 6, 0, 1, 40, 117, 1, 40, 114, 1], 0, {}, (None,)),
    ('(?P<key>\\w+)=(?P<val>[^;]*);?', 32, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 61, 17, 2, 24, 6, 0, 4294967295, 20, 59, 1, 17, 3, 24, 6, 0, 1, 16, 59, 1, 1], 2, {'key': 1, 'val': 2}, (None, 'key', 'val')),
    ('\\s+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 12, 0, 1, 1], 0, {}, (None,)),
    ('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,)),
    ('[аб]+', 32, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 1072, 1073, 0, 1, 1], 0, {}, (None,)),
    (b'\\x00[\\x01-\\x7f]+', 0, [14, 8, 1, 2, 4294967295, 1, 1, 0, 0, 16, 0, 24, 10, 1, 4294967295, 13, 5, 22, 1, 127, 0, 1, 1], 0, {}, (None,)),
    ('(?<=-)\\w+', 32, [14, 4, 0, 1, 4294967295, 4, 5, 1, 16, 45, 1, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)),
    ('(a|b)*?c', 48, [14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 19, 16, 99, 1], 1, {}, (None, None)),
]

P = {}
for pattern, flags, code, groups, groupindex, indexgroup in CASES:
    P[pattern] = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXGROUPS, _sre.MAXREPEAT)

p = P["(a)(b)?c|(?P<x>d+)"]
print(p, p.pattern, p.flags, p.groups, dict(p.groupindex))
m = p.match("acd")
print(m, m.group(), m.group(0, 1, 2), m.groups(), m.groups("-"), m.span(1), m.start(2), m.end())
print(m.lastindex, m.lastgroup, m.regs, m.groupdict(), m[1], m.pos, m.endpos, m.string, m.re is p)
m = p.search("xxdddy")
print(m, m["x"], m.group("x"), m.lastindex, m.lastgroup, m.groupdict(), m.span("x"))
print(p.match("xx"), p.fullmatch("ac"), p.fullmatch("acx"), p.search("zzabc", 3), p.search("abcd", 0, 2))
print(p.findall("ac abc dd d"), [x.span() for x in p.finditer("ac abc dd d")])
for g in (4, -1, "y", 1.5):
    try:
        m.group(g)
    except IndexError as e:
        print("IndexError:", e)

mail = P["\\w+@\\w+\\.com"]
print(mail.findall("mail bob@example.com or ann@test.com now"))
print(mail.sub("<hidden>", "mail bob@example.com or ann@test.com now"))
print(mail.subn(lambda m: m.group().upper(), "a@b.com c@d.com", 1))
print(mail.sub(lambda m: None, "a@b.com!"))

phone = P["^(\\d{3})-(\\d{4})$"]
print(phone.findall("555-1234\n666-9876\nbad\n777-0000"), phone)
kv = P["(?P<key>\\w+)=(?P<val>[^;]*);?"]
print([m.groupdict() for m in kv.finditer("a=1;b=two;c=")])
print(kv.findall("a=1;b=2"))
print(P["colou?r"].findall("Color COLOUR colr"), P["colou?r"])
ws = P["\\s+"]
print(ws.split("a b  c\td "), ws.split("a b c", 1), ws.split(""))
empty = P["x*"]
print(empty.findall("axxb"), empty.sub("-", "axxb"), empty.split("axxb"))
print([m.span() for m in empty.finditer("xax")])
cyr = P["[аб]+"]
print(cyr.findall("ааб в бб"), cyr.search("где баба").span())
raw = P[b"\\x00[\\x01-\\x7f]+"]
print(raw, raw.findall(b"\x00abc\x00\x00z"), raw.sub(b"!", b"q\x00ab"))
print(P["(?<=-)\\w+"].findall("a-b c-dd e-"))
print(P["(a|b)*?c"].match("abbac").groups(), P["(a|b)*?c"].match("c").groups())
sc = ws.scanner("a b  c")
print(sc.search().span(), sc.search().span(), sc.search(), sc.pattern is ws)
for call in (lambda: p.match(b"ac"), lambda: raw.match("x"), lambda: p.match(5),
             lambda: mail.sub(lambda m: 5, "a@b.com")):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(_sre.ascii_iscased(ord("a")), _sre.ascii_iscased(ord("1")), _sre.ascii_tolower(ord("Q")))
print(_sre.unicode_iscased(ord("Ж")), _sre.unicode_tolower(ord("Ж")), _sre.unicode_iscased(ord("?")))
print(p == _sre.compile(*CASES[0]), p == mail, hash(p) == hash(_sre.compile(*CASES[0])))
