# _bz2 (BZ2Compressor, BZ2Decompressor) and CPython's bz2 over it: one-shot and
# streaming compression at every level, decompression with max_length, multiple
# streams, BZ2File and bz2.open, and the errors. The literal was made by CPython
# 3.13's bz2.
import _bz2
import bz2
import io
import os
import tempfile

CPYTHON_BZ2 = b'BZh51AY&SY\xb9\t?\xad\x00\x05\xa5\x19\x80@\x00\x7f\xe8\x0e\x00\x90\x00@\x02\xbc\x00\x18\x10\xa1\xa6\x98\x00*\x9f\xa0\xf5\x1f\xea\xa5\x00(i\xa6\x00\x06\x8fT\x8d\xea\xa7\xf9U&\x8fS\xf5,\xc5\x89s\xcd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdd\xdf\x04{\xd7\xf2_\xcf\xcbj\xb6\xdbo{\xde\xf7\xbd\xab\x14\xd9\xab\x11\xa6\xacF\x9a\xb1\x1aj\xc4i\xab\x11\xa6\xacF\x9a\xb1\x1aj\xc4i\xab\x11\xa5\xe1\xb6\xdbm\x9f"\x92I%m\xb6\xdbX\xa6\xcdX\x80\xcc@f 3\x10\x19\x88\x0c\xc4\x06b\x031\x01\x98\x80\xbc\xe5-\xb6\xd8\xe4\xd9$\x91\xd6\xdbnO\x80\x00\x00\x00\x00\x00\x00^r\xde[m\x9d\x92\x12I\x1b\xad\xb6\xe4`\x00\x00\x00\x00\x00\x00^r\xdb\xe5\xb6\xcfd\x93\x92H\xdb\xad\xb7\'@\x00\x00\x00\x00\x00\x00\xbc\xe5\xb6\xfbm\x9eI$\xf2H\xdbu\xb7\'\xa0\x00\x00\x00\x00\x00\x00^r\xdbom\x9c\x92I=\x91\xb6\xddnO\x00\x00\x00\x00\x00\x00\x00\xbc\xe5\xb6\xda\xec$\x92I\xd8\xdbm\xd7\'\x00\x00\x00\x00\x00\x00\x00\xbc\xe5\xb6\xdb~M\x92I$m\xb6\xdb\xb2\x00\x00\x00\x00\x00\x00\x1b\xa7\x11y\xe5\xb7\xbd\xefx\xa0\x12I$X\x00\xb0\x03\x8a\x00\xd9p\x10`\r\x06A\x90h0\x04\x17\x01\xb2\x808\xb7\x14\x00\xb0\x03\x8a\x00\xd9p\x10`\r\x06A\x90h0\x04\x17\x01\xb2\x808\xb6\xcb\x80\x83\x00h2\x0c\x83A\x80 \xbaI$rl\x92I\'\xc8\xbf\xa9f,K\xeaK1b_\xe4\xb3\x16%\xf5,\xc5\x89}K1b_\xf1w$S\x85\t\x0b\x90\x93\xfa\xd0'
RECORDS = b''.join(b'record %d;' % i for i in range(300))
DATA = b''.join(b'line %d: %s\n' % (i, b'xyz' * (i % 7)) for i in range(5000))


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


print(sorted(n for n in dir(_bz2) if not n.startswith('_')))
print(bz2.decompress(CPYTHON_BZ2) == RECORDS)
print(bz2.compress(RECORDS, 5) == CPYTHON_BZ2)
for level in range(1, 10):
    z = bz2.compress(b'hello bzip2 ' * 5, level)
    print(level, z, bz2.decompress(z) == b'hello bzip2 ' * 5)
print(bz2.compress(b''), bz2.decompress(bz2.compress(b'')))
print(bz2.decompress(bz2.compress(DATA)) == DATA, bz2.decompress(b''))

c = _bz2.BZ2Compressor(3)
parts = [c.compress(DATA[i:i + 7000]) for i in range(0, len(DATA), 7000)]
parts.append(c.flush())
whole = b''.join(parts)
print(whole == bz2.compress(DATA, 3), whole[:4])
d = _bz2.BZ2Decompressor()
print(d.needs_input, d.eof, d.unused_data)
out = d.decompress(whole[:1000], 100)
print(len(out), d.needs_input, d.eof)
while not d.eof:
    out += d.decompress(b'' if not d.needs_input else whole[1000:], 5000)
    whole = whole[:1000]
print(out == DATA, d.needs_input, d.unused_data)
attempt('after eof', lambda: d.decompress(b'x'))
d = _bz2.BZ2Decompressor()
print(d.decompress(CPYTHON_BZ2 + b'after') == RECORDS, d.eof, d.unused_data, d.needs_input)
d = _bz2.BZ2Decompressor()
got = b''.join(d.decompress(CPYTHON_BZ2[i:i + 1]) for i in range(len(CPYTHON_BZ2)))
print(got == RECORDS, d.eof)
print(bz2.decompress(CPYTHON_BZ2 + bz2.compress(b'second')) == RECORDS + b'second')

buf = io.BytesIO()
with bz2.BZ2File(buf, 'wb', compresslevel=1) as f:
    f.write(DATA[:100000])
    f.write(DATA[100000:])
buf.seek(0)
with bz2.BZ2File(buf) as f:
    print(f.read(12), f.readline(), len(f.read()))
d = tempfile.mkdtemp()
try:
    path = os.path.join(d, 'text.bz2')
    with bz2.open(path, 'wt', encoding='utf-8') as f:
        f.write('first\nsecond\nthird é\n')
    with bz2.open(path, 'rt', encoding='utf-8') as f:
        print(f.readlines())
    with bz2.open(path, 'ab') as f:
        f.write(b'appended stream\n')
    with bz2.open(path) as f:
        print(f.read())
finally:
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    os.rmdir(d)

attempt('level 0', lambda: _bz2.BZ2Compressor(0))
attempt('level 10', lambda: _bz2.BZ2Compressor(10))
attempt('level keyword', lambda: _bz2.BZ2Compressor(compresslevel=5))
attempt('level str', lambda: _bz2.BZ2Compressor('x'))
attempt('two args', lambda: _bz2.BZ2Compressor(1, 2))
attempt('decompressor arg', lambda: _bz2.BZ2Decompressor(1))
c = _bz2.BZ2Compressor()
attempt('compress str', lambda: c.compress('x'))
print(c.compress(b'abc'), len(c.flush()) > 0)
attempt('compress after flush', lambda: c.compress(b'x'))
attempt('flush twice', lambda: c.flush())
attempt('bad data', lambda: _bz2.BZ2Decompressor().decompress(b'not bz2 data'))
attempt('bad block', lambda: _bz2.BZ2Decompressor().decompress(b'BZh9' + b'\0' * 20))
attempt('decompress str', lambda: _bz2.BZ2Decompressor().decompress('x'))
attempt('module bad data', lambda: bz2.decompress(b'garbage'))
attempt('truncated', lambda: bz2.decompress(CPYTHON_BZ2[:-3]))
attempt('trailing junk', lambda: bz2.decompress(CPYTHON_BZ2 + b'junk') == RECORDS)
attempt('module level 0', lambda: bz2.compress(b'x', 0))
