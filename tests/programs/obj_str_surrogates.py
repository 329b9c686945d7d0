s = '\ud800'
print(repr(s), len(s), ord(s), s == '\ufffd', s == '\ud800', hash(s) == hash('\ud800'))
t = 'a\udc80b\U0001f600c'
print(repr(t), len(t), [hex(ord(c)) for c in t], repr(t[1]), repr(t[1:3]), repr(t[::2]), repr(t[::-1]))
print(repr(chr(0xDC80)), chr(0xDC80) == '\udc80')
print('\ud83d' + '\ude00' == '\U0001f600', len('\ud83d' + '\ude00'))
print(sorted(['\ue000', '\ud800', '\ud7ff', '\U00010000']) == ['\ud7ff', '\ud800', '\ue000', '\U00010000'])
print('\ud800' < '\ue000', '\ud800' > '\ud7ff', '\ud800' < '\U00010000')
print(repr('-'.join(['\ud800', 'x', '\udfff'])), repr('\ud800' * 3))
print('\udc80' in t, 'b\U0001f600' in t, t.find('\U0001f600'), t.find('c'), t.index('\udc80'), t.count('\udc80'), t.rfind('\udc80'))
print(repr(f"<{t}>"), {s: 1}.get('\ud800'), {s: 1}.get('\ufffd'))
d = {'\ufffd': 1, '\ud800': 2}
print(len(d), d['\ud800'], d['\ufffd'])
print(list(t) == ['a', '\udc80', 'b', '\U0001f600', 'c'])
print(ascii(t))
print(str(t) == t, repr(str(t)))
# Indexing a long non-ASCII str with surrogates reads the right code point.
long = ('é\ud800' * 100) + 'z'
print(len(long), repr(long[199]), repr(long[200]), repr(long[63:66]), long.find('z'))
print(repr(long[::50]))
for i in range(0, len(long), 37):
    assert long[i] == ('é' if i % 2 == 0 else '\ud800') or i == 200
print(max('\ud800', '\ue000') == '\ue000', min(['\udfff', '\ud7ff']) == '\ud7ff')
print(repr('\U0000dfff'), repr('x\ud800' 'y'), '\ud800' != '\udc00')
print(repr(chr(0xD800) + chr(0xDFFF)), [ord(c) for c in chr(0xDBFF) + chr(0xDC00)])
