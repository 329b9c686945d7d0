# fcntl: descriptor flags, record and whole-file locks, errors.
import fcntl
import os
import tempfile

r, w = os.pipe()
flags = fcntl.fcntl(r, fcntl.F_GETFD)
print(flags & fcntl.FD_CLOEXEC == fcntl.FD_CLOEXEC)
print(fcntl.fcntl(r, fcntl.F_SETFD, 0), fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
status = fcntl.fcntl(w, fcntl.F_GETFL)
fcntl.fcntl(w, fcntl.F_SETFL, status | os.O_NONBLOCK)
print(fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK == os.O_NONBLOCK)
print(fcntl.fcntl(r, fcntl.F_GETPIPE_SZ) > 0)
dup = fcntl.fcntl(r, fcntl.F_DUPFD_CLOEXEC, 100)
print(dup >= 100, os.get_inheritable(dup))
os.close(dup)


class HasFileno:
    def fileno(self):
        return r


print(fcntl.fcntl(HasFileno(), fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
os.close(r)
os.close(w)

with tempfile.TemporaryFile() as f:
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    fcntl.lockf(f, fcntl.LOCK_EX, 10, 0, 0)
    fcntl.lockf(f, fcntl.LOCK_UN, 10)
    print("locked and unlocked")
    try:
        fcntl.lockf(f, 16)
    except ValueError as e:
        print("ValueError:", e)

for bad in ["x", None, 2.5]:
    try:
        fcntl.fcntl(bad, fcntl.F_GETFD)
    except TypeError as e:
        print("TypeError:", e)
try:
    fcntl.flock(-1, fcntl.LOCK_EX)
except ValueError as e:
    print("ValueError:", e)
fd = os.open(os.devnull, os.O_RDONLY)
os.close(fd)
try:
    fcntl.fcntl(fd, fcntl.F_GETFD)
except OSError as e:
    print(type(e).__name__, e.errno, e)
try:
    fcntl.fcntl(0, fcntl.F_GETFD, b"x" * 2000)
except ValueError as e:
    print("ValueError:", e)
print(fcntl.LOCK_SH, fcntl.LOCK_EX, fcntl.LOCK_NB, fcntl.LOCK_UN)
