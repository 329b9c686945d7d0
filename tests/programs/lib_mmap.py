# mmap: anonymous and file-backed maps, positions, slices, find, move, resize,
# access modes and CPython's errors.
import mmap, os, tempfile
print(mmap.PAGESIZE > 0, mmap.ALLOCATIONGRANULARITY == mmap.PAGESIZE, mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.PROT_READ, mmap.PROT_WRITE, mmap.MAP_ANONYMOUS == mmap.MAP_ANON)
m = mmap.mmap(-1, 13)
print(type(m), len(m), m.size() if False else '', m.tell(), m.closed)
print(m.write(b'Hello, world!'), m.tell(), m[:], m[0], m[-1], m[1:5], m[::2], m[7:])
m.seek(0); print(m.read(5), m.read_byte(), m.tell(), m.read(), m.read())
m[0] = 74; m[1:3] = b'EE'; print(m[:5], m.find(b'o'), m.find(b'o', 6), m.rfind(b'o'), m.find(b'zz'), m.find(b'l', 0, 3), m.count(b'l') if hasattr(m, 'count') else '')
m.seek(0); m.write(b'line1\nline2\n\x00'); m.seek(0); print(m.readline(), m.readline(), m.readline())
m.move(0, 6, 5); print(m[:])
m.seek(2, os.SEEK_SET); m.seek(3, os.SEEK_CUR); print(m.tell()); m.seek(-1, os.SEEK_END); print(m.tell())
print(m.flush(), m.madvise(mmap.MADV_NORMAL))
errs = [lambda: m[13], lambda: m.__setitem__(0, 300), lambda: m.__setitem__(0, b'ab'), lambda: m.__setitem__(slice(0, 2), b'abc'), lambda: m.seek(20), lambda: m.seek(-1),
        lambda: m.write(b'x' * 20), lambda: m.read_byte() if m.seek(13) is None else 0, lambda: m.write_byte(1), lambda: mmap.mmap(-1, -1), lambda: mmap.mmap(-1, 0), lambda: m.move(0, 10, 10),
        lambda: mmap.mmap(-1, 10, access=9), lambda: m['a'], lambda: m.__delitem__(0), lambda: m.resize(100)]
for e in errs:
    try: print(e())
    except Exception as x: print(type(x).__name__, x)
with mmap.mmap(-1, 4) as m2:
    m2.write(b'abcd'); print(m2[:], bytes(m2) if False else '')
print(m2.closed)
try: m2[0]
except Exception as x: print(type(x).__name__, x)
m.close(); m.close(); print(m.closed)
for e in [lambda: m.read(1), lambda: len(m), lambda: m[0]]:
    try: print(e())
    except Exception as x: print(type(x).__name__, x)
path = os.path.join(tempfile.mkdtemp(), 'f')
with open(path, 'wb') as f: f.write(b'0123456789')
with open(path, 'r+b') as f:
    mf = mmap.mmap(f.fileno(), 0)
    print(len(mf), mf[:], mf.size())
    mf[0:2] = b'AB'; mf.flush(); mf.close()
with open(path, 'rb') as f:
    print(f.read())
    mr = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    try: mr[0] = 1
    except TypeError as x: print('TypeError', x)
    try: mr.write(b'x')
    except TypeError as x: print('TypeError', x)
    print(mr[:4]); mr.close()
    mc = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_COPY, offset=0); mc[0:1] = b'z'; print(mc[:]); mc.close()
with open(path, 'rb') as f: print(f.read())
os.remove(path)

m = mmap.mmap(-1, 10)
m.write(bytearray(b'abcdefghij'))
print(m[::-1], m[-3:], m[-1], m[8:2:-2], m[100:], m[-100:2])
m[::2] = b'XXXXX'; print(m[:])
m[-1] = ord('Z'); print(m[:], bytes(m), list(m)[:3])
m.seek(0); print(m.find(b'X', -4), m.rfind(b'X', 0, -2), m.find(b''), m.rfind(b''), m.find(b'X', 3, 2))
print(m.seek(4), m.seek(2, 1), m.seek(-3, 2))
m.resize(20); print(len(m), m[:12], m.tell())
try: m.size()
except OSError as x: print("OSError", x)
m.resize(4); print(len(m), m[:], m.tell())
for e in [lambda: m.seek(0, 3), lambda: m.read_byte() if m.seek(4) else 0, lambda: m.read(-1), lambda: m.write('str'), lambda: m.flush(0, 100), lambda: m.madvise(mmap.MADV_NORMAL, 100), lambda: m.find('a'), lambda: m.__setitem__(slice(0,1), 5)]:
    try: print(e())
    except Exception as x: print(type(x).__name__, x)
path = os.path.join(tempfile.mkdtemp(), 'g')
with open(path, 'wb') as f: f.write(b'abc')
with open(path, 'r+b') as f:
    mf = mmap.mmap(f.fileno(), 0)
    mf.resize(6); mf[3:6] = b'def'; mf.close()
    try: mmap.mmap(f.fileno(), 100)
    except ValueError as x: print('ValueError', x)
    try: mmap.mmap(f.fileno(), 0, offset=100)
    except ValueError as x: print('ValueError', x)
    try: mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ, prot=mmap.PROT_READ)
    except ValueError as x: print('ValueError', x)
print(open(path, 'rb').read())
open(path, 'wb').close()
with open(path, 'rb') as f:
    try: mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except ValueError as x: print('ValueError', x)
os.remove(path)
