# zlib: checksums, one-shot and streaming compression and decompression in every
# wrapper (raw, zlib, gzip, automatic), preset dictionaries, flush modes, copies,
# _ZlibDecompressor, and zlib.error's messages. The compressed literals below were
# made by CPython 3.13's zlib; tripwire's own compressed bytes may differ, so only
# round trips, headers and decompressed results are printed.
import zlib

ZLIB_9 = b'x\xda%\x92\xc9\x01\x03!\x0c\x03\x1b\xf2\x03a|\xf6_X\xa4\xcd\x87\xb0\x0e\xbe\xa49{\x0c\x0b\xbb\xfb\xccw\xec-\xd2boX\xae\xa7\xd5\xbe\xb1\xde|6\xdb0\x9cu\x03\xf6>\x033\xca\xe0[\xd7\xf0\x96G\xac\xf3En\xf2^;a\xe8u>\x9f\xadc\xf7,\xae]l\xb8\xdd\xbb\x93v}\xdf\xb3\xfbv\xd8=\xf61\x9e;\x8c\xd4\x06\xdf\xf7\xb6\xdd\xd9\x0c\xf3\xb3\xb7\xcc\xb1\xdd\xe6w\x83\x83\xfa\xdek\xfe\xb6\xc7<6a\xcei\xf9\xb2\x16\xbc35\xcd\x99\x9b\xf6\xce\xbe\xb6\x87\xf5k\xef.x\xf7e\x98]\xdd^l\x87\xbd\xdc\xe2\xde\xb5\xc5{o1>:\xe3(\x12\xd0\xbfq\xf52\\Y\xf1X B\xb5"U7J=\xa2\xd5/F\xbd\xf3h\x8e\x84f\xca\xab\xf9\xd25k>\xcd\x9d\xa1\x1d2\xb5O\x96v\xcb\xd6\x9e\xc9\\\xab\xa3\xed\x0bR\xa2\xaeT)\x97B\xf5\xa4V\x85\x94\xab\x94\x8aUR\xb4Z\xea\xd6H\xe9>R\xbd!\x07\xfa\xca\x8d\xa6P\xd6O\x1eu\xc8\xafNy\xd7E\x1b\xbb\xe5h\xcfg\xee\x91\xcf\x03Y>W\xee\x8f\x0b\x84\xa1N6\xcc\xb4IB2EZ\xa6u\x1b\xc6p\xd8\x90\'\xf4\x14\xe7\xcb\xc3q\x15\xc1y\xaa\x88\x13*\x8f\x93\x7fz\xd4\x17\xa7?~\xce|\x00\x11)\x11$\xa8x~S\x83T\t"b%\x8a\x04\x96\xa8Km\n|k\x83l\x85\x82#A@\xba\x9e\x90\x84\xa4\xc2\xfdt\x03\x01\x1b\x05\x9f\x14\x05\x11k\x9e)\xa5q?\xd9!\xc8\x14\x1c\x19\x02q\xc6\xca\x02\x8d\x93\xfb\xe7\x1b\x88\x1aM\x04Y\x83\xbeB\xf6\x82\xb4\xa5~>\xe3A\xde\\y#$@\xe2\xf8\x17\x89#*x\x1f7 s\x84\x08\xa4\xae\xf4\x15\xc2\x0b\xe2N?\xf5\x0f\xf6\xff\xc9(\xe1\x07(\x96\xb9\x8f'
ZLIB_0 = b'x\x01\x01\x11\x00\xee\xffstored block data;\xcd\x06w'
RAW_1 = b'\xcbH\xcd\xc9\xc9W\xc8@\x90\x00'
GZIP = b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03K\xaf\xca,P\xc8MU(\xc8IM,N\x05\x00\xcf>\xd9m\x0e\x00\x00\x00'
WBITS_9 = b'\x18\x95+\xceM\xcc\xc9Q(\xcf\xccK\xc9/W(F\xe2\x00\x00~H\t\xc3'
DICT = b'x\xbbG\x8e\x074+\xc1\x14R\xc8*\xcd-(V\xc8/K-R@H\xa7\xe4\xa7\x03\x00q\xc5\x10W'
RAW_DICT = b'+\xc1\x14R\xc8*\xcd-(\x06\x00'
FLUSHED = b'x\x9c*H,*Q\xc8\xcfKU\x00\x00\x00\x00\xff\xff*H,*Q()\xcf\x07\x00\x00\x00\xff\xffSH\xccKQ(\xc9(JM\x05\x00\x8b\xb3\t\xf6'
GZIP_NAMED = b"\x1f\x8b\x08\x08\xd2\x02\x96I\x02\xffnotes.txt\x00KTH\xaf\xca,P\xc8M\xcdMJ-R(\xcf,\xc9PHT\xc8K\xccM\xe5\x02\x00'\xc1P\x8b\x1a\x00\x00\x00"
TEXT = b''.join(b'%d:%d,' % (i, i * i % 97) for i in range(150))


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r if not isinstance(r, bytes) or len(r) < 80 else (len(r), r[:20]))


print('== constants')
for name in sorted(dir(zlib)):
    if name.isupper() and not name.startswith('ZLIB_'):
        print(name, getattr(zlib, name))
print(type(zlib.ZLIB_VERSION), type(zlib.ZLIB_RUNTIME_VERSION))
print(zlib.error.__name__, zlib.error.__module__, zlib.error.__mro__[1].__name__)

print('== checksums')
for data in (b'', b'a', b'hello', TEXT, bytearray(b'xyz'), memoryview(b'mem')):
    print(zlib.crc32(data), zlib.adler32(data))
print(zlib.crc32(b'world', zlib.crc32(b'hello ')) == zlib.crc32(b'hello world'))
print(zlib.adler32(b'world', zlib.adler32(b'hello ')) == zlib.adler32(b'hello world'))
for start in (0, 1, 5, 2**32 - 1, 2**32, -1, -2**31, 2**64 + 1, 2**70 + 3):
    print(start, zlib.crc32(b'abc', start), zlib.adler32(b'abc', start))
attempt('crc32 str', lambda: zlib.crc32('x'))
attempt('crc32 float start', lambda: zlib.crc32(b'x', 1.5))
attempt('crc32 keyword', lambda: zlib.crc32(data=b'x'))
attempt('adler32 none', lambda: zlib.adler32())

print('== decompress CPython data')
print(zlib.decompress(ZLIB_9) == TEXT)
print(zlib.decompress(ZLIB_0))
print(zlib.decompress(RAW_1, -15))
print(zlib.decompress(GZIP, 31), zlib.decompress(GZIP, wbits=47), zlib.decompress(GZIP, 16))
print(zlib.decompress(ZLIB_9, 47) == TEXT, zlib.decompress(ZLIB_9, 0) == TEXT)
print(zlib.decompress(WBITS_9, 9), zlib.decompress(WBITS_9, 0), zlib.decompress(WBITS_9))
print(zlib.decompress(FLUSHED))
print(zlib.decompress(GZIP_NAMED, 31))
print(zlib.decompress(ZLIB_0 + b'trailing junk'))
print(zlib.decompress(GZIP + GZIP, 31))
print(zlib.decompress(memoryview(RAW_1), wbits=-15, bufsize=1))
print(zlib.decompressobj(zdict=b'the quick brown fox').decompress(DICT))
print(zlib.decompressobj(-15, b'the quick brown fox').decompress(RAW_DICT))

print('== round trips')
samples = [b'', b'x', b'abc' * 1000, TEXT, bytes(range(256)) * 40,
           bytes((i * 7919) % 251 for i in range(70000))]
for level in (-1, 0, 1, 2, 5, 6, 9):
    for wbits in (15, 9, 8, -15, -9, 31, 25):
        ok = True
        for s in samples:
            z = zlib.compress(s, level, wbits)
            if wbits > 0:
                back = 47 if wbits <= 15 or wbits >= 25 else wbits
            else:
                back = wbits
            # zlib writes a window of 8 as 9.
            first = 9 if wbits == 8 else wbits
            ok = ok and zlib.decompress(z, first) == s and zlib.decompress(z, back) == s
        print(level, wbits, ok)
for strategy in range(5):
    for mem in (1, 8, 9):
        c = zlib.compressobj(6, zlib.DEFLATED, 15, mem, strategy)
        z = c.compress(TEXT) + c.compress(samples[4]) + c.flush()
        print('strategy', strategy, mem, zlib.decompress(z) == TEXT + samples[4])

print('== headers')
for level in (-1, 0, 1, 2, 5, 6, 7, 9):
    print(level, zlib.compress(b'head', level)[:2], zlib.compress(b'head', level, 31)[:10])
for wbits in (8, 9, 12, 15):
    print(wbits, zlib.compress(b'head', 6, wbits)[:2])
print(zlib.compressobj(strategy=zlib.Z_HUFFMAN_ONLY).compress(b''))
print(zlib.compressobj(wbits=-15).compress(b'abc'))
print(zlib.compressobj().flush(zlib.Z_NO_FLUSH))
c = zlib.compressobj(zdict=b'the quick brown fox')
head = c.compress(b'')
print(head[:2], head[2:] == zlib.adler32(b'the quick brown fox').to_bytes(4, 'big'))

print('== streaming compression')
for mode in (zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_BLOCK):
    c = zlib.compressobj(wbits=-15)
    pieces = [c.compress(b'piece %d ' % i) + c.flush(mode) for i in range(50)]
    whole = b''.join(pieces) + c.flush()
    d = zlib.decompressobj(-15)
    got = b''
    if mode in (zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH):
        # A sync point makes everything before it decodable.
        for i, p in enumerate(pieces):
            got += d.decompress(p)
            if got != b''.join(b'piece %d ' % j for j in range(i + 1)):
                print('not synced at', i)
                break
    got += d.decompress(whole[sum(map(len, pieces)) if got else 0:])
    print(mode, got == b''.join(b'piece %d ' % i for i in range(50)), d.eof)
c = zlib.compressobj(zdict=b'the quick brown fox')
z = c.compress(b'the quick brown fox jumps over') + c.flush()
attempt('dict needed', lambda: zlib.decompress(z))
attempt('no dict', lambda: zlib.decompressobj().decompress(z))
attempt('wrong dict', lambda: zlib.decompressobj(zdict=b'the quick brown cat').decompress(z))
print(zlib.decompressobj(zdict=bytearray(b'the quick brown fox')).decompress(z))
c = zlib.compressobj(wbits=-15, zdict=b'0123456789' * 10)
z = c.compress(b'0123456789' * 12) + c.flush()
print(zlib.decompressobj(wbits=-15, zdict=b'0123456789' * 10).decompress(z))
c = zlib.compressobj(zdict=b'')
print(zlib.decompress(c.compress(b'no dictionary') + c.flush()))
c = zlib.compressobj()
start = c.compress(b'shared start ')
c2 = c.copy()
a = start + c.compress(b'ending one') + c.flush()
b = start + c2.compress(b'ending two') + c2.flush()
print(zlib.decompress(a), zlib.decompress(b))
import copy
c = zlib.compressobj()
start = c.compress(b'copied ')
c3 = copy.copy(c)
c4 = copy.deepcopy(c)
print(zlib.decompress(start + c3.compress(b'3') + c3.flush()),
      zlib.decompress(start + c4.compress(b'4') + c4.flush()))
print(type(c3).__name__, type(zlib.decompressobj()).__name__)
attempt('compress after finish', lambda: c.compress(b'x') if c.flush() else None)
attempt('flush after finish', lambda: c.flush())
attempt('sync after finish', lambda: c.flush(zlib.Z_SYNC_FLUSH))
print(c.flush(zlib.Z_NO_FLUSH))
attempt('copy after finish', lambda: c.copy())
for mode in (6, 7, -1, 100):
    attempt('flush mode %d' % mode, lambda: zlib.compressobj().flush(mode))

print('== streaming decompression')
d = zlib.decompressobj()
out = d.decompress(ZLIB_9, 100)
print(len(out), d.eof, len(d.unconsumed_tail) > 0, d.unused_data)
while d.unconsumed_tail:
    chunk = d.decompress(d.unconsumed_tail, 100)
    assert len(chunk) <= 100
    out += chunk
out += d.flush()
print(out == TEXT, d.eof, d.unconsumed_tail, d.unused_data)
d = zlib.decompressobj()
out = b''.join(d.decompress(ZLIB_9[i:i + 7]) for i in range(0, len(ZLIB_9), 7))
print(out == TEXT, d.eof)
d = zlib.decompressobj()
out = b''.join(d.decompress(bytes([b])) for b in FLUSHED)
print(out, d.eof)
d = zlib.decompressobj()
print(d.decompress(ZLIB_0 + b'extra'), d.eof, d.unused_data, d.unconsumed_tail)
print(d.decompress(b'more'), d.unused_data, d.flush())
attempt('copy at eof', lambda: d.copy())
d = zlib.decompressobj(wbits=31)
print(d.decompress(GZIP + GZIP), d.unused_data == GZIP)
d = zlib.decompressobj(wbits=47)
print(d.decompress(GZIP_NAMED[:15]), d.decompress(GZIP_NAMED[15:]), d.eof)
d = zlib.decompressobj()
d.decompress(ZLIB_9[:200])
dc = d.copy()
rest1 = d.decompress(ZLIB_9[200:])
rest2 = dc.decompress(ZLIB_9[200:])
print(rest1 == rest2, d.eof, dc.eof)
d = zlib.decompressobj()
print(d.decompress(ZLIB_9, 10), len(d.flush()) + 10 == len(TEXT), d.eof)
d = zlib.decompressobj()
print(d.decompress(ZLIB_0[:6]), d.flush(), d.eof)
print(zlib.decompressobj().flush(), zlib.decompressobj().decompress(b''))
attempt('max_length negative', lambda: zlib.decompressobj().decompress(b'x', -1))
attempt('max_length str', lambda: zlib.decompressobj().decompress(b'x', 'y'))
attempt('flush zero', lambda: zlib.decompressobj().flush(0))
attempt('flush negative', lambda: zlib.decompressobj().flush(-1))
attempt('decompress str', lambda: zlib.decompressobj().decompress('x'))
attempt('decompress keyword data', lambda: zlib.decompressobj().decompress(data=b'x'))
print(zlib.decompressobj().decompress(b'', max_length=3))
d = zlib.decompressobj()
attempt('bad header', lambda: d.decompress(b'abcdef'))
attempt('bad header again', lambda: d.decompress(b'abcdef'))
print(d.flush())

print('== _ZlibDecompressor')
D = zlib._ZlibDecompressor
print(D.__name__, D.__module__)
d = D()
print(d.needs_input, d.eof, d.unused_data)
print(d.decompress(ZLIB_0[:8], 3), d.needs_input)
print(d.decompress(b'', 3), d.needs_input)
print(d.decompress(ZLIB_0[8:] + b'after'), d.needs_input, d.eof, d.unused_data)
attempt('after eof', lambda: d.decompress(b'x'))
d = D(wbits=-15)
print(d.decompress(RAW_1), d.eof)
d = D(31)
out = b''
for i in range(len(GZIP_NAMED)):
    out += d.decompress(GZIP_NAMED[i:i + 1])
print(out, d.eof)
d = D()
print(d.decompress(data=FLUSHED, max_length=9), d.needs_input, d.decompress(b''), d.eof)
d = D()
attempt('bad data', lambda: d.decompress(b'not zlib'))
attempt('bad wbits', lambda: D(wbits=7))
attempt('three args', lambda: D(15, b'', 3))
attempt('bad keyword', lambda: D(foo=1))

print('== errors')
attempt('bad header', lambda: zlib.decompress(b'abc'))
attempt('truncated', lambda: zlib.decompress(ZLIB_9[:100]))
attempt('header only', lambda: zlib.decompress(b'x\x9c'))
attempt('empty', lambda: zlib.decompress(b''))
attempt('empty raw', lambda: zlib.decompress(b'', -15))
attempt('no adler', lambda: zlib.decompress(ZLIB_0[:-4]))
attempt('bad adler', lambda: zlib.decompress(ZLIB_0[:-1] + b'\x00'))
attempt('method', lambda: zlib.decompress(b'\x00\x00\x00'))
attempt('window', lambda: zlib.decompress(b'\x88\x98'))
attempt('window too big', lambda: zlib.decompress(zlib.compress(b'hi'), wbits=9))
attempt('gzip as zlib', lambda: zlib.decompress(GZIP))
attempt('zlib as gzip', lambda: zlib.decompress(ZLIB_0, 31))
attempt('gzip magic', lambda: zlib.decompress(b'\x1f\x8c' + GZIP[2:], 31))
attempt('gzip method', lambda: zlib.decompress(b'\x1f\x8b\x09' + GZIP[3:], 31))
attempt('gzip flags', lambda: zlib.decompress(GZIP[:3] + b'\xe0' + GZIP[4:], 31))
attempt('gzip header crc', lambda: zlib.decompress(GZIP[:3] + b'\x02' + GZIP[4:10] + b'\0\0' + GZIP[10:], 31))
attempt('gzip crc', lambda: zlib.decompress(GZIP[:-8] + b'\0' * 8, 31))
attempt('gzip length', lambda: zlib.decompress(GZIP[:-4] + b'\0' * 4, 31))
attempt('gzip truncated', lambda: zlib.decompress(GZIP[:-1], 31))
attempt('gzip extra', lambda: zlib.decompress(GZIP[:3] + b'\x04' + GZIP[4:10] + b'\x02\0ab' + GZIP[10:], 31))
attempt('gzip comment', lambda: zlib.decompress(GZIP[:3] + b'\x10' + GZIP[4:10] + b'note\0' + GZIP[10:], 31))
for wbits in (7, 8, 16, 32, 48, 100, -7, -8, -16, 24):
    attempt('decompress wbits %d' % wbits, lambda: zlib.decompress(zlib.compress(b'w', wbits=-9), wbits))
for wbits in (7, 8, 16, 24, 32, 40, -8, -16):
    attempt('compress wbits %d' % wbits, lambda: zlib.compress(b'w', wbits=wbits)[:2])
    attempt('compressobj wbits %d' % wbits, lambda: type(zlib.compressobj(wbits=wbits)).__name__)
for wbits in (7, 8, 24, 31, 47, 48, -7, -15):
    attempt('decompressobj wbits %d' % wbits, lambda: type(zlib.decompressobj(wbits)).__name__)
attempt('level 10', lambda: zlib.compress(b'x', 10))
attempt('level -2', lambda: zlib.compress(b'x', -2))
attempt('level huge', lambda: zlib.compress(b'x', 2**70))
attempt('level float', lambda: zlib.compress(b'x', 1.5))
attempt('compress str', lambda: zlib.compress('x'))
attempt('compress nothing', lambda: zlib.compress())
attempt('compress keyword data', lambda: zlib.compress(data=b'x'))
attempt('compress keywords', lambda: zlib.compress(b'kw', level=1, wbits=-15))
attempt('bufsize negative', lambda: zlib.decompress(ZLIB_0, bufsize=-1))
attempt('bufsize huge', lambda: zlib.decompress(ZLIB_0, bufsize=2**70))
attempt('bufsize zero', lambda: zlib.decompress(ZLIB_0, 15, 0))
for kw in ({'memLevel': 0}, {'memLevel': 10}, {'method': 7}, {'strategy': 5},
           {'strategy': -1}, {'level': 10}, {'wbits': 31, 'zdict': b'abc'}):
    attempt('compressobj %s' % kw, lambda: zlib.compressobj(**kw))
attempt('compressobj zdict str', lambda: zlib.compressobj(zdict='abc'))
attempt('decompressobj zdict str', lambda: zlib.decompressobj(zdict='abc'))
attempt('compressobj 7 args', lambda: zlib.compressobj(1, 8, 15, 8, 0, b'', 7))
attempt('decompressobj 3 args', lambda: zlib.decompressobj(15, b'', 3))
attempt('Compress.compress str', lambda: zlib.compressobj().compress('x'))
attempt('Compress.compress keyword', lambda: zlib.compressobj().compress(data=b'x'))
attempt('Compress.flush keyword', lambda: zlib.compressobj().flush(mode=2))

print('== long gzip header')
import gzip
import io
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=0, filename='n' * 300000) as f:
    f.write(b'named member payload')
NAMED = buf.getvalue()
print(zlib.decompress(NAMED, 31), zlib.decompressobj(47).decompress(NAMED))
d = zlib.decompressobj(31)
print(b''.join(d.decompress(NAMED[i:i + 10000]) for i in range(0, len(NAMED), 10000)), d.eof)
