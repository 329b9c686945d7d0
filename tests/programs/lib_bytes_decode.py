# bytes.decode and str(data, encoding, errors) with codecs other than UTF-8, Latin-1
# and ASCII, and with error handlers, go through the library's codecs.
print(b'\xf0\xd2'.decode('koi8-r'), b'caf\xc3\xa9'.decode(), b'caf\xe9'.decode('latin-1'))
print(b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode(errors='ignore'), b'\xe9'.decode('cp1252'))
print(bytearray(b'\xf0').decode('koi8_r'), b'x'.decode(encoding='utf_16_le', errors='strict') if False else '')
try:
    b'x'.decode('no-such-codec')
except LookupError as e:
    print("LookupError:", e)
try:
    b'a\xffb'.decode('utf-8', 'strict')
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(str(b'\xf0', 'koi8-r'), str(b'a\xffb', 'utf-8', 'replace'))
