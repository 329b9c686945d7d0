# OSError(errno, strerror, filename, winerror, filename2): the subclass chosen by
# errno, the attributes, args cut to two when a file name is given, the message;
# subclasses keep their class; errors raised by os carry the same fields.
import errno
import os

cases = [(2, "x"), (2, "x", "f"), (2, "x", None), (2, "x", "f", None, "g"), ("a",),
         (1, 2, 3, 4, 5, 6), (2,), (), (errno.EACCES, "denied"), (errno.EEXIST, "exists", b"p"),
         (errno.EPIPE, "pipe"), (errno.ETIMEDOUT, "slow"), (errno.EAGAIN, "again"), (999, "odd")]
for a in cases:
    e = OSError(*a)
    print(a, type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, str(e))
e = FileNotFoundError(13, "not mapped")
print(type(e).__name__, e, e.errno)


class MyError(OSError):
    pass


m = MyError(2, "mine", "file")
print(type(m).__name__, m, m.errno, m.filename)
e = OSError(2, "changed")
e.errno = 5
e.filename = "later"
print(e.errno, e.filename, e)
try:
    os.listdir("/nonexistent/tripwire-test")
except OSError as err:
    print(type(err).__name__, err.errno == errno.ENOENT, err.filename, err.strerror)
try:
    raise OSError(errno.ENOENT, "raised", "name")
except FileNotFoundError as err:
    print("caught", err)
