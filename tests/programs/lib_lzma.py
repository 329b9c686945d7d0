# _lzma and CPython's lzma over it: every container format, integrity checks,
# presets and filter chains, streaming decompression with max_length and the check
# attribute, LZMAFile and lzma.open, the filter-property helpers, and the errors.
# The literals were made by CPython 3.13's lzma.
import _lzma
import io
import lzma
import os
import tempfile

XZ_SHA256 = b'\xfd7zXZ\x00\x00\n\xe1\xfb\x0c\xa1\x02\x00!\x01\x10\x00\x00\x00\xa8p\x8e\x86\xe0\x0b7\x02)]\x002\x9b\x8a\xef\xf2\x1bN\xd0R\xf1g\xa4\x13$\xf3\x04z\x190m\xc7m\xc2\x9f\x1d\xe5\xce\n)M\x17qRQ\x9a\rO$\x83\x8a\xaf\xdf\xb6\x99\xc4\xfa\xc4\x8c\x9e\x02\xa0\xef1\xd4\xca}\x86\x83\xbe\xe5\x999\xdf\x11\xf03\xb0n\xc2\xaf+\x11\r\x85N(jeE\x81E\xca-\x84\xe6\x01\xd9J\xd7\xbdssp\x9c\xf9\xb9\xe9\x16T\x95\xb6\x89\xb9\xb5Q\x84\xf8sS\xa4:\xaf\xef<z2\xb8W\xdc\xed\xed\x8a,\x1eB\xf7\x84\x00\xc4@\x1f\x97\xad\x9d\xf1[:+\xab|7}!jU\xe7\x88\xfa"v\xa7\x9e\xbe\xd4\xd1\xaf\x00dkn\x9d\xe6q"\xef|\xa9\x06LK\xbd+\xa5\xf3\x02U\xbeTq\x15\xc4q\xc7C]\xdcp\x89\xcdDe\xa3\x026\xd7\xff}\xd6\xf1\x1bb\xc0\x03E\xb1h9Z\xab\xa5e\xc8\x193\xf7\x8227g\xf5J~5ML\xcd\xb8\xb9\xb5\x9c\xb0\xb9\x19\xdc\x916`\xf0\xb3\xb7\x10\xc90W\x12Y\xe7\x07\xd4\xe8r\x8c\xba\xbb_cb\r\xe14\xff\x8a\xfdX1`R\xc4\xcb&\x16C\x18Lw\xf4L\t-\xf0%T\xb5\xd8\xfd\x93\x8f\xf7SL\xa5N0bxG\x8e\x9c\x95%\x03\xecn\xc0\xce\x96\xbf\x14\xdb!\x03\x16F9\xc2\xf20\xe4 \x0ey\xdc\x03\xcd"\xef)\xc7r\x8e\x01\xc5YPl\x05\xd1#\x89\xb4U\'\xc8\xff\xf8\xdf\x0c\x0e_*TVl\xf40\xf7jz\x1a\x0fd9\x86y\r\xbd\x03\xc9\xec\xfb\xc9\xb8Y!\x17\xb2\xb5\xe1p\x81\x00\xf7\x179\xdaC\x1d\n:Y\xed\xa0\x90;]\xd2\xe2\xa6\x0fP\xbaf\xcb\x1b\xe00\x12\x00G\xfc\xd5\n\x87\xe9\x86\x1aw\x1eYd\x8f\x1d\xbe\x9c\xf4\\\x97eB\xe7n\xe4\x1d\xed1\xa4,\x036]c\xfa\xd0Gz{_Q\xb6\xac\x90\xba\xbbrO\n[\x16\xb3R\x0c\xf7\xb7\xfe\xc0{\xb6\x83~8\xcf\xec\xe2\xa2f\x08\xb7%\xbdx*\x16\xcb\xa7\xf8%\xf3\x13G\x8d\xdd*\xd5\x8c\xcb\xae\x83\x9f\xa6\xb6\xef\x13\x9f\xe3\xe4\x9e\xd1M\x80\r\xb7S\xadO\x89x\x13q\xf8r=\x19D\xc9\xaf|\xe4\x98~`\x87X/\x02Nb\x1fP\xa8\x92\xfc\xc8\xaf\x06\x9b?\xd1/>\x11p\xa7 \x00\x00\x00\x0072`P\x0cl\x82\xa4R\x89\xb2\xb2\xab\xe4\x9duh\xcb\\;[\xd8V\x02U\xcf\x8a\xa0\x11\xe3\xc5\xb8\x00\x01\xdd\x04\xb8\x16\x00\x00[\xc4\x18X\xb6\xe9\xdf\x1c\x02\x00\x00\x00\x00\nYZ'
XZ_DELTA = b'\xfd7zXZ\x00\x00\x04\xe6\xd6\xb4F\x02\x01\x03\x01\x03!\x01\x0c\xedv\x13\x01\xe0\x03\xff\x00\x10]\x00\x00\x00RP\n\xa0\xef\x9cT\xaa\t\xbe\xb5\x05\xa9\x00\x00\x00\xc4\x89\xc7\x8d\xb5\x1f\xd5\x00\x01,\x80\x08\x00\x00\x00\xed\x89i\xc7\xb1\xc4g\xfb\x02\x00\x00\x00\x00\x04YZ'
ALONE = b']\x00\x00\x80\x00\xff\xff\xff\xff\xff\xff\xff\xff\x000\x9b\nC$\xc8\xb6\x08\nI\xbfb\xd8\xfd\x9d\\\xf0\xb4\xdf\xaf\xee \x19?\xff\xff\xf3\x9a\xd0\x00'
RAW_LZMA1 = b'\x009\x18KP"\xadQ\x9f\x99\xc6D\xbb 4\x9bGyS\xbef\xc5\xff\xee\xb1\x00\x00'
TEXT = b''.join(b'entry %d = %d\n' % (i, i * 37 % 101) for i in range(200))
DATA = b''.join(b'row %d: %s\n' % (i, b'abc' * (i % 9)) for i in range(4000))


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


print(sorted(n for n in dir(_lzma) if not n.startswith('__')))
for name in sorted(dir(_lzma)):
    if name.isupper():
        print(name, getattr(_lzma, name))
print(_lzma.LZMAError.__module__, _lzma.LZMAError.__mro__[1].__name__, lzma.LZMAError is _lzma.LZMAError)

print('== CPython data')
print(lzma.decompress(XZ_SHA256) == TEXT, lzma.decompress(XZ_DELTA) == bytes(range(256)) * 4)
print(lzma.decompress(ALONE), lzma.decompress(ALONE, lzma.FORMAT_ALONE) == lzma.decompress(ALONE))
print(lzma.decompress(RAW_LZMA1, lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA1, 'dict_size': 1 << 16}]))
print(lzma.decompress(XZ_SHA256 + XZ_SHA256) == TEXT * 2)
d = lzma.LZMADecompressor()
print(d.check, d.eof, d.needs_input, d.unused_data)
out = d.decompress(XZ_SHA256[:30])
print(d.check, len(out) <= len(TEXT))
out += d.decompress(XZ_SHA256[30:] + b'after')
print(out == TEXT, d.check, d.eof, d.unused_data, d.needs_input)
attempt('after eof', lambda: d.decompress(b'x'))
d = lzma.LZMADecompressor(lzma.FORMAT_XZ)
out = b''.join(d.decompress(XZ_DELTA[i:i + 1]) for i in range(len(XZ_DELTA)))
print(out == bytes(range(256)) * 4, d.eof, d.check)
d = lzma.LZMADecompressor()
print(d.decompress(ALONE[:5]), d.check)
print(d.decompress(ALONE[5:]) == b'alone format data ' * 10, d.check, d.eof)
d = lzma.LZMADecompressor(lzma.FORMAT_ALONE)
print(d.check)
d = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA1, 'dict_size': 1 << 16}])
print(d.check, d.decompress(RAW_LZMA1))

print('== round trips')
for fmt, kw in [(lzma.FORMAT_XZ, {}), (lzma.FORMAT_ALONE, {}),
                (lzma.FORMAT_XZ, {'check': lzma.CHECK_NONE}),
                (lzma.FORMAT_XZ, {'check': lzma.CHECK_CRC32}),
                (lzma.FORMAT_XZ, {'check': lzma.CHECK_SHA256}),
                (lzma.FORMAT_XZ, {'preset': 0}), (lzma.FORMAT_XZ, {'preset': 9 | lzma.PRESET_EXTREME}),
                (lzma.FORMAT_XZ, {'filters': [{'id': lzma.FILTER_X86}, {'id': lzma.FILTER_LZMA2}]}),
                (lzma.FORMAT_XZ, {'filters': [{'id': lzma.FILTER_DELTA, 'dist': 2},
                                              {'id': lzma.FILTER_LZMA2, 'dict_size': 1 << 20,
                                               'lc': 2, 'lp': 1, 'pb': 1, 'mode': lzma.MODE_FAST,
                                               'nice_len': 64, 'mf': lzma.MF_HC4, 'depth': 10}]}),
                (lzma.FORMAT_RAW, {'filters': [{'id': lzma.FILTER_LZMA2, 'preset': 1}]}),
                (lzma.FORMAT_RAW, {'filters': [{'id': lzma.FILTER_ARM, 'start_offset': 16},
                                               {'id': lzma.FILTER_LZMA1}]})]:
    z = lzma.compress(DATA, fmt, **kw)
    back = lzma.decompress(z, fmt, filters=kw.get('filters')) if fmt == lzma.FORMAT_RAW else lzma.decompress(z)
    print(fmt, sorted(kw), back == DATA, z[:6] if fmt == lzma.FORMAT_XZ else '')
print(lzma.compress(b'hello xz'))
print(lzma.compress(b'hello xz', lzma.FORMAT_ALONE))
print(lzma.compress(b'hello xz', lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_LZMA2}]))
print(lzma.compress(b''), lzma.decompress(lzma.compress(b'')))
c = lzma.LZMACompressor(check=lzma.CHECK_CRC32)
parts = [c.compress(DATA[i:i + 9000]) for i in range(0, len(DATA), 9000)] + [c.flush()]
whole = b''.join(parts)
print(lzma.decompress(whole) == DATA)
d = lzma.LZMADecompressor()
out = d.decompress(whole, 1000)
print(len(out), d.needs_input, d.eof)
while not d.eof:
    chunk = d.decompress(b'', 7000)
    assert len(chunk) <= 7000
    out += chunk
print(out == DATA, d.check)

print('== files')
buf = io.BytesIO()
with lzma.LZMAFile(buf, 'wb', preset=2) as f:
    f.write(DATA[:50000])
    f.write(DATA[50000:])
buf.seek(0)
with lzma.LZMAFile(buf) as f:
    print(f.read(9), f.readline(), len(f.read()))
d = tempfile.mkdtemp()
try:
    path = os.path.join(d, 'notes.xz')
    with lzma.open(path, 'wt', encoding='utf-8') as f:
        f.write('one\ntwo\nthree é\n')
    with lzma.open(path, 'rt', encoding='utf-8') as f:
        print(f.readlines())
    with lzma.open(path, 'ab', format=lzma.FORMAT_XZ) as f:
        f.write(b'second stream\n')
    with lzma.open(path) as f:
        print(f.read())
finally:
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    os.rmdir(d)

print('== filter properties')
for spec in [{'id': lzma.FILTER_LZMA1}, {'id': lzma.FILTER_LZMA2}, {'id': lzma.FILTER_DELTA},
             {'id': lzma.FILTER_X86}, {'id': lzma.FILTER_SPARC, 'start_offset': 64},
             {'id': lzma.FILTER_LZMA1, 'dict_size': 1 << 20, 'lc': 2, 'lp': 1, 'pb': 0},
             {'id': lzma.FILTER_LZMA2, 'dict_size': 3000000}, {'id': lzma.FILTER_LZMA2, 'preset': 1},
             {'id': lzma.FILTER_LZMA2, 'dict_size': 0}, {'id': lzma.FILTER_LZMA2, 'dict_size': 2**32 - 1},
             {'id': lzma.FILTER_DELTA, 'dist': 256}]:
    props = _lzma._encode_filter_properties(spec)
    print(props, _lzma._decode_filter_properties(spec['id'], props))
for fid, props in [(lzma.FILTER_LZMA2, b'\x28'), (lzma.FILTER_LZMA2, b'\x29'), (lzma.FILTER_LZMA2, b''),
                   (lzma.FILTER_LZMA1, b'\xff\0\0\0\0'), (lzma.FILTER_DELTA, b'\xff'),
                   (lzma.FILTER_X86, b'\1\0'), (lzma.FILTER_X86, b'\3\0\0\0'), (99, b''),
                   (lzma.FILTER_X86, 'x'), ('x', b'')]:
    attempt('decode %r %r' % (fid, props), lambda: _lzma._decode_filter_properties(fid, props))
for spec in [{'id': 99}, {}, [], {'id': lzma.FILTER_LZMA2, 'foo': 1}, {'id': lzma.FILTER_LZMA2, 'preset': 10},
             {'id': lzma.FILTER_LZMA1, 'lc': 4, 'lp': 4}, {'id': lzma.FILTER_DELTA, 'dist': 300},
             {'id': lzma.FILTER_DELTA, 'foo': 3}, {'id': lzma.FILTER_X86, 'foo': 3},
             {'id': lzma.FILTER_LZMA2, 'dict_size': 2**33}, {'id': lzma.FILTER_LZMA2, 'dict_size': -1},
             {'id': 'x'}, {'id': -1}]:
    attempt('encode %r' % (spec,), lambda: _lzma._encode_filter_properties(spec))
print(_lzma.is_check_supported(lzma.CHECK_SHA256), _lzma.is_check_supported(7), _lzma.is_check_supported(16))

print('== errors')
for kw in [{'format': 9}, {'check': 9}, {'check': 2}, {'check': lzma.CHECK_UNKNOWN},
           {'format': lzma.FORMAT_ALONE, 'check': lzma.CHECK_CRC32},
           {'format': lzma.FORMAT_ALONE, 'check': lzma.CHECK_NONE}, {'format': lzma.FORMAT_RAW},
           {'format': lzma.FORMAT_RAW, 'preset': 1, 'filters': [{'id': lzma.FILTER_LZMA2}]},
           {'preset': 10}, {'format': lzma.FORMAT_ALONE, 'preset': 10}, {'preset': 'x'}, {'preset': -1},
           {'filters': [{'id': lzma.FILTER_DELTA}]}, {'filters': [{'id': lzma.FILTER_LZMA2}] * 5},
           {'filters': [{'id': lzma.FILTER_LZMA2}, {'id': lzma.FILTER_DELTA}]},
           {'filters': [{'id': lzma.FILTER_LZMA2, 'mode': 5}]}, {'filters': [{'id': lzma.FILTER_LZMA2, 'mf': 99}]},
           {'filters': [{'id': lzma.FILTER_LZMA2, 'dict_size': 10}]}, {'filters': 5}, {'filters': [5]},
           {'format': lzma.FORMAT_ALONE, 'filters': [{'id': lzma.FILTER_LZMA2}]},
           {'format': lzma.FORMAT_AUTO}, {'foo': 1}, {'check': 2**40}]:
    attempt('compressor %r' % (kw,), lambda: type(lzma.LZMACompressor(**kw)).__name__)
attempt('compressor 5 args', lambda: lzma.LZMACompressor(1, 2, 3, 4, 5))
for kw in [{'format': 9}, {'format': lzma.FORMAT_RAW}, {'format': lzma.FORMAT_XZ, 'filters': [{'id': lzma.FILTER_LZMA2}]},
           {'format': lzma.FORMAT_RAW, 'memlimit': 5, 'filters': [{'id': lzma.FILTER_LZMA2}]},
           {'memlimit': -1}, {'memlimit': 2**64}, {'memlimit': 'x'}, {'foo': 1}]:
    attempt('decompressor %r' % (kw,), lambda: type(lzma.LZMADecompressor(**kw)).__name__)
attempt('not xz', lambda: lzma.LZMADecompressor().decompress(b'not xz at all'))
attempt('not xz strict', lambda: lzma.LZMADecompressor(lzma.FORMAT_XZ).decompress(b'not xz at all'))
attempt('alone as xz', lambda: lzma.LZMADecompressor(lzma.FORMAT_XZ).decompress(ALONE))
attempt('memlimit', lambda: lzma.LZMADecompressor(memlimit=1000).decompress(XZ_SHA256))
attempt('corrupt', lambda: lzma.decompress(XZ_SHA256[:-40] + b'\0' * 40))
attempt('corrupt body', lambda: lzma.decompress(XZ_SHA256[:30] + b'\xff' + XZ_SHA256[31:]))
attempt('truncated', lambda: lzma.decompress(XZ_SHA256[:-1]))
attempt('raw delta only', lambda: lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[{'id': lzma.FILTER_DELTA}]).decompress(b'abc'))
c = lzma.LZMACompressor()
attempt('compress str', lambda: c.compress('x'))
c.flush()
attempt('compress after flush', lambda: c.compress(b'x'))
attempt('flush twice', lambda: c.flush())
