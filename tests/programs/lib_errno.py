# errno: the common error numbers and errorcode's names (where two names share a
# number, CPython's choice).
import errno


for name in ("ENOENT", "EEXIST", "EACCES", "EPERM", "EINTR", "EAGAIN", "EWOULDBLOCK", "EPIPE",
             "ECHILD", "ESRCH", "EISDIR", "ENOTDIR", "ETIMEDOUT", "ECONNREFUSED", "EINVAL"):
    code = getattr(errno, name)
    print(name, errno.errorcode[code])
print(errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EWOULDBLOCK])
print(errno.errorcode[errno.EOPNOTSUPP], errno.ENOTSUP == errno.EOPNOTSUPP)
print(all(errno.errorcode[getattr(errno, n)] in dir(errno) for n in dir(errno) if n.startswith("E")))
