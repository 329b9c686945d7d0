# gzip, zipfile (deflate), tarfile (gz) and shutil.make_archive on tripwire's zlib:
# archives written and read back, and archives CPython 3.13 wrote (the literals)
# read. Compressed sizes are not printed: tripwire's deflate output may differ.
import gzip
import io
import os
import shutil
import tarfile
import tempfile
import zipfile

GZ_NAMED = b'\x1f\x8b\x08\x08\xd2\x02\x96I\x02\xffnotes.txt\x00K\xcb,*.Q\xc8\xc9\xccK\xe5*NM\xce\xcfK\x81\xb0\x01,ZE]\x17\x00\x00\x00'
GZ_TWO_MEMBERS = b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff\xcbM\xcdMJ-R\xc8\xcfK\xd5Q\x00\x00\xfb\xff\xaf\xd2\x0c\x00\x00\x00\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff\xcbM\xcdMJ-R()\xcf\x07\x00\xf7\x1a2\x13\n\x00\x00\x00'
ZIP = b'PK\x03\x04\x14\x00\x00\x00\x08\x00\x83\x18"PD\xd7$J\x11\x00\x00\x00\xf0\x00\x00\x00\x07\x00\x00\x00doc.txt\xab\xca,(HMQ(I\xad(Q\xa8\x1a\x01l\x00PK\x03\x04\x14\x00\x00\x00\x00\x00\x059\xa6R\xb5\x01\xaf\x0f\x0b\x00\x00\x00\x0b\x00\x00\x00\r\x00\x00\x00dir/plain.txtstored textPK\x01\x02\x14\x03\x14\x00\x00\x00\x08\x00\x83\x18"PD\xd7$J\x11\x00\x00\x00\xf0\x00\x00\x00\x07\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x01\x00\x00\x00\x00doc.txtPK\x01\x02\x14\x03\x14\x00\x00\x00\x00\x00\x059\xa6R\xb5\x01\xaf\x0f\x0b\x00\x00\x00\x0b\x00\x00\x00\r\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x016\x00\x00\x00dir/plain.txtPK\x05\x06\x00\x00\x00\x00\x02\x00\x02\x00p\x00\x00\x00l\x00\x00\x00\x00\x00'
DATA = b''.join(b'line %d of the file\n' % i for i in range(3000))


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


print('== gzip')
for level in (0, 1, 6, 9):
    g = gzip.compress(DATA, compresslevel=level, mtime=0)
    print(level, g[:10], gzip.decompress(g) == DATA)
print(gzip.decompress(GZ_NAMED), gzip.decompress(GZ_TWO_MEMBERS))
with gzip.GzipFile(fileobj=io.BytesIO(GZ_NAMED)) as f:
    print(f.readline(), f.read(), f.mtime, f.name)
with gzip.GzipFile(fileobj=io.BytesIO(GZ_TWO_MEMBERS)) as f:
    print(f.read(4), f.read(100))
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode='wb', mtime=42, filename='data.txt') as f:
    for i in range(0, len(DATA), 5000):
        f.write(DATA[i:i + 5000])
    f.flush()
    f.write(b'after flush\n')
raw = buf.getvalue()
print(raw[:20])
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(10), f.mtime)
    f.seek(50000)
    print(f.read(20))
    f.seek(0)
    print(sum(1 for _ in f))
buf.seek(0)
with gzip.open(buf, 'rt', encoding='ascii') as f:
    print([next(f) for _ in range(2)])
attempt('not gzip', lambda: gzip.decompress(b'plain text here'))
attempt('truncated', lambda: gzip.decompress(gzip.compress(DATA)[:-20]))
attempt('bad crc', lambda: gzip.decompress(GZ_NAMED[:-8] + b'\0\0\0\0' + GZ_NAMED[-4:]))
attempt('bad length', lambda: gzip.decompress(GZ_NAMED[:-4] + b'\0\0\0\0'))
attempt('bad method', lambda: gzip.decompress(GZ_NAMED[:2] + b'\x07' + GZ_NAMED[3:]))
attempt('trailing zeros', lambda: gzip.decompress(GZ_NAMED + b'\0' * 10))
attempt('trailing junk', lambda: gzip.decompress(GZ_NAMED + b'junk'))

print('== zipfile')
with zipfile.ZipFile(io.BytesIO(ZIP)) as z:
    for info in z.infolist():
        print(info.filename, info.compress_type, info.file_size, info.date_time, z.read(info))
    print(z.testzip())
d = tempfile.mkdtemp()
try:
    path = os.path.join(d, 'a.zip')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('data.txt', DATA)
        z.writestr('empty.txt', b'')
        z.writestr('small.txt', b'small', compress_type=zipfile.ZIP_STORED)
        with z.open('streamed.txt', 'w') as w:
            for i in range(100):
                w.write(b'chunk %d\n' % i)
    with zipfile.ZipFile(path) as z:
        print(z.namelist(), z.testzip())
        print([(i.filename, i.compress_type, i.file_size) for i in z.infolist()])
        print(z.read('data.txt') == DATA, z.read('empty.txt'), z.read('small.txt'))
        with z.open('streamed.txt') as r:
            print(r.readline(), r.read(8), len(r.read()))
    with zipfile.ZipFile(path, 'a', zipfile.ZIP_DEFLATED) as z:
        z.writestr('appended.txt', b'appended ' * 50)
    with zipfile.ZipFile(path) as z:
        print(z.read('appended.txt') == b'appended ' * 50, len(z.namelist()))

    print('== tarfile')
    tpath = os.path.join(d, 'a.tar.gz')
    with tarfile.open(tpath, 'w:gz') as tf:
        for name, payload in (('one.txt', DATA), ('two.txt', b'two')):
            ti = tarfile.TarInfo(name)
            ti.size = len(payload)
            ti.mtime = 0
            tf.addfile(ti, io.BytesIO(payload))
    with tarfile.open(tpath, 'r:gz') as tf:
        print(tf.getnames(), tf.extractfile('one.txt').read() == DATA,
              tf.extractfile('two.txt').read())
    with tarfile.open(tpath) as tf:
        print([m.size for m in tf.getmembers()])
    with open(tpath, 'rb') as f:
        print(f.read(3))
    stream = io.BytesIO()
    with tarfile.open(fileobj=stream, mode='w|gz') as tf:
        ti = tarfile.TarInfo('piped.txt')
        ti.size = len(DATA)
        tf.addfile(ti, io.BytesIO(DATA))
    stream.seek(0)
    with tarfile.open(fileobj=stream, mode='r|gz') as tf:
        for m in tf:
            print(m.name, tf.extractfile(m).read() == DATA)

    print('== shutil.make_archive')
    src = os.path.join(d, 'src')
    os.makedirs(os.path.join(src, 'sub'))
    with open(os.path.join(src, 'top.txt'), 'wb') as f:
        f.write(DATA)
    with open(os.path.join(src, 'sub', 'inner.txt'), 'wb') as f:
        f.write(b'inner')
    zpath = shutil.make_archive(os.path.join(d, 'arch'), 'zip', src)
    print(os.path.basename(zpath))
    with zipfile.ZipFile(zpath) as z:
        print(sorted(z.namelist()), z.read('top.txt') == DATA, z.read('sub/inner.txt'))
    out = os.path.join(d, 'unzipped')
    shutil.unpack_archive(zpath, out)
    with open(os.path.join(out, 'sub', 'inner.txt'), 'rb') as f:
        print(f.read())
    tpath = shutil.make_archive(os.path.join(d, 'arch'), 'gztar', src)
    print(os.path.basename(tpath))
    with tarfile.open(tpath) as tf:
        print(sorted(tf.getnames()), tf.extractfile('./top.txt').read() == DATA)
finally:
    shutil.rmtree(d)
