# zipfile (bzip2 and LZMA members), tarfile (bz2, xz) and shutil.make_archive (bztar,
# xztar) on tripwire's _bz2 and _lzma.
import zipfile, tarfile, shutil, io, os, tempfile
data = b''.join(b'line %d\n' % i for i in range(5000))
for method in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', method) as z:
        z.writestr('d.txt', data)
        with z.open('s.txt', 'w') as w:
            w.write(data[:1000])
    with zipfile.ZipFile(buf) as z:
        print(method, z.read('d.txt') == data, z.read('s.txt') == data[:1000], z.testzip())
d = tempfile.mkdtemp()
for mode in ('bz2', 'xz'):
    p = os.path.join(d, 'a.tar.' + mode)
    with tarfile.open(p, 'w:' + mode) as tf:
        ti = tarfile.TarInfo('x.txt'); ti.size = len(data); tf.addfile(ti, io.BytesIO(data))
    with tarfile.open(p) as tf:
        print(mode, tf.getnames(), tf.extractfile('x.txt').read() == data)
src = os.path.join(d, 'src'); os.mkdir(src)
open(os.path.join(src, 'f'), 'wb').write(data)
for fmt in ('bztar', 'xztar'):
    a = shutil.make_archive(os.path.join(d, 'arch'), fmt, src)
    with tarfile.open(a) as tf:
        print(fmt, os.path.basename(a), sorted(tf.getnames()), tf.extractfile('./f').read() == data)
shutil.rmtree(d)
