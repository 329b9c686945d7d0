# os.chown / lchown / fchown: unchanged (-1) and same ids, descriptors, the id
# conversions and their errors, and shutil.unpack_archive of a tar (which, as
# root, gives each member its owner through os.chown).
import io
import os
import shutil
import tarfile
import tempfile

d = tempfile.mkdtemp()
p = os.path.join(d, 'f')
with open(p, 'w') as f:
    f.write('data')
st = os.stat(p)
uid, gid = st.st_uid, st.st_gid


def attempt(label, call):
    try:
        print(label, call())
    except Exception as e:
        print(label, type(e).__name__, str(e).replace(d, 'D'))


attempt('unchanged', lambda: os.chown(p, -1, -1))
attempt('same', lambda: os.chown(p, uid, gid))
attempt('keywords', lambda: os.chown(p, uid=-1, gid=-1))
attempt('no follow', lambda: os.chown(p, -1, -1, follow_symlinks=False))
attempt('lchown', lambda: os.lchown(p, uid, -1))
attempt('bytes path', lambda: os.chown(os.fsencode(p), -1, gid))
attempt('unsigned -1', lambda: os.chown(p, 2**32 - 1, 2**32 - 1))
attempt('bool', lambda: os.chown(p, -1, False) if gid == 0 else None)
print(os.stat(p).st_uid == uid, os.stat(p).st_gid == gid)


class Index:
    def __index__(self):
        return -1


attempt('index', lambda: os.chown(p, Index(), Index()))
attempt('str uid', lambda: os.chown(p, 'a', 1))
attempt('float gid', lambda: os.chown(p, 1, 1.5))
for v in [-2, 2**32, 2**63, 2**70, -2**70]:
    attempt('uid %d' % v, lambda: os.chown(p, v, -1))
    attempt('gid %d' % v, lambda: os.chown(p, -1, v))
attempt('missing', lambda: os.chown(p + 'x', -1, -1))
attempt('missing l', lambda: os.lchown(p + 'x', -1, -1))
attempt('missing gid', lambda: os.chown(p, -1))
attempt('None path', lambda: os.chown(None, 1, 1))
attempt('lchown fd', lambda: os.lchown(3, -1, -1))
attempt('bad fd', lambda: os.fchown(999, -1, -1))
attempt('str fd', lambda: os.fchown('x', 1, 1))
attempt('float fd', lambda: os.fchown(1.5, -1, -1))
attempt('huge fd', lambda: os.fchown(2**70, -1, -1))
fd = os.open(p, os.O_RDONLY)
attempt('fchown', lambda: os.fchown(fd, uid, gid))
attempt('chown fd', lambda: os.chown(fd, -1, -1))
attempt('fd no follow', lambda: os.chown(fd, -1, -1, follow_symlinks=False))
os.close(fd)
print(os.chown in os.supports_fd, os.chown in os.supports_follow_symlinks)

# A tar whose members belong to this process's ids, unpacked by shutil.
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode='w') as tar:
    for name, text in [('top.txt', b'top\n'), ('sub/inner.txt', b'inner\n')]:
        info = tarfile.TarInfo(name)
        info.size = len(text)
        info.uid, info.gid = uid, gid
        info.mode = 0o640
        tar.addfile(info, io.BytesIO(text))
archive = os.path.join(d, 'a.tar')
with open(archive, 'wb') as f:
    f.write(buf.getvalue())
out = os.path.join(d, 'out')
shutil.unpack_archive(archive, out, filter='data')
for name in ['top.txt', 'sub/inner.txt']:
    path = os.path.join(out, name)
    s = os.stat(path)
    with open(path) as f:
        print(name, repr(f.read()), oct(s.st_mode & 0o777), s.st_uid == uid, s.st_gid == gid)
shutil.rmtree(d)
