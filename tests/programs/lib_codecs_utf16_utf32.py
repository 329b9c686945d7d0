# The UTF-16 and UTF-32 codecs (and their -le / -be forms): BOMs, surrogate pairs,
# the error handlers, CPython's error messages and positions, the incremental
# codecs and TextIOWrapper over them.
import codecs
def t(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'encoding', None), getattr(e, 'start', None), getattr(e, 'end', None))
s = 'a\U0001f600\ud800\udc00b\udfffé'
for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogatepass', 'surrogateescape']:
        t(lambda: s.encode(enc, err))
    t(lambda: 'aé\U0001f600'.encode(enc))
    t(lambda: '\udc80'.encode(enc, 'surrogateescape'))
for data in [b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00', b'a', b'a\x00b', b'\x00\xd8', b'\x00\xd8a', b'\x00\xd8a\x00', b'\x00\xdca\x00', b'=\xd8\x00\xde', b'\x00\xd8\x00\xdc\x00\xdc']:
    for enc in ['utf-16', 'utf-16-le', 'utf-16-be']:
        for err in ['strict', 'replace', 'backslashreplace', 'surrogatepass', 'ignore']:
            t(lambda: data.decode(enc, err))
    t(lambda: codecs.utf_16_ex_decode(data, 'strict', 0, False))
    t(lambda: codecs.utf_16_decode(data, 'strict', False))
    t(lambda: codecs.utf_16_le_decode(data, 'replace', False))
for data in [b'\xff\xfe\x00\x00a\x00\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00a', b'a\x00\x00\x00', b'a\x00\x00', b'\x00\xd8\x00\x00', b'\x00\x00\x11\x00', b'\x00\x00\x11\x00a\x00\x00\x00xy', b'\x00\xd8\x00\x00\x00\xdc\x00\x00']:
    for enc in ['utf-32', 'utf-32-le', 'utf-32-be']:
        for err in ['strict', 'replace', 'backslashreplace', 'surrogatepass', 'ignore']:
            t(lambda: data.decode(enc, err))
    t(lambda: codecs.utf_32_ex_decode(data, 'strict', 0, False))
    t(lambda: codecs.utf_32_decode(data, 'strict', False))
t(lambda: codecs.utf_16_encode('ab', 'strict', 1))
t(lambda: codecs.utf_16_encode('ab', 'strict', -1))
t(lambda: codecs.utf_32_encode('ab', None, 0))
t(lambda: codecs.utf_16_ex_decode(b'a', 'strict', 0, True))
t(lambda: codecs.utf_16_ex_decode(b'\xff\xfea\x00', 'strict', 1, True))
t(lambda: codecs.utf_16_ex_decode(b'\xfe\xff', 'strict', 0, False))
t(lambda: codecs.utf_32_ex_decode(b'\xff\xfe\x00\x00', 'strict', 0, False))
t(lambda: codecs.utf_16_le_encode('a', 'strict'))
t(lambda: codecs.utf_16_le_encode(1))
t(lambda: codecs.utf_16_decode('str'))
t(lambda: 'héllo wörld \U0001f600'.encode('utf-16').decode('utf-16'))
t(lambda: 'héllo'.encode('utf_16le').decode('UTF-16LE'))
d = codecs.getincrementaldecoder('utf-16')()
t(lambda: [d.decode(b'\xff'), d.decode(b'\xfea'), d.decode(b'\x00\x3d\xd8'), d.decode(b'\x00\xde', final=True)])
e = codecs.getincrementalencoder('utf-16')()
t(lambda: [e.encode('a'), e.encode('b')])
t(lambda: 'ab'.encode('utf-32'))
import io
t(lambda: io.TextIOWrapper(io.BytesIO('x\ny\n'.encode('utf-16')), encoding='utf-16').read())
b = io.BytesIO(); w = io.TextIOWrapper(b, encoding='utf-16-le'); w.write('hé'); w.flush(); t(lambda: b.getvalue())
