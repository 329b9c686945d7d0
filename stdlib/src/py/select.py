"""select: `select`, `poll` and `epoll` over the native `_selectcall`.

Here live the objects (`poll`, `epoll`) and the turning of file objects into
descriptors; the waits are native, through the scheduler, so other threads run
while one waits.
"""

import _selectcall
from _selectcall import (POLLIN, POLLPRI, POLLOUT, POLLERR, POLLHUP, POLLNVAL,
                         POLLRDNORM, POLLRDBAND, POLLWRNORM, POLLWRBAND,
                         POLLMSG, POLLRDHUP, EPOLLIN, EPOLLOUT, EPOLLPRI,
                         EPOLLERR, EPOLLHUP, EPOLLET, EPOLLONESHOT,
                         EPOLLEXCLUSIVE, EPOLLRDHUP, EPOLLRDNORM, EPOLLRDBAND,
                         EPOLLWRNORM, EPOLLWRBAND, EPOLLMSG, EPOLL_CLOEXEC,
                         PIPE_BUF)
from posix import close as _close

error = OSError

_EPOLL_CTL_ADD, _EPOLL_CTL_DEL, _EPOLL_CTL_MOD = 1, 2, 3


def _fd_of(obj):
    """The descriptor of an int or of an object with a fileno() method."""
    if isinstance(obj, int):
        fd = obj
    else:
        try:
            fileno = obj.fileno
        except AttributeError:
            raise TypeError("argument must be an int, or have a fileno() "
                            "method.") from None
        fd = fileno()
        if not isinstance(fd, int):
            raise TypeError("fileno() returned a non-integer")
    if fd < 0:
        raise ValueError(f"file descriptor cannot be a negative integer ({fd})")
    return fd


_PYTIME_MAX = 2**63 - 1
_INT_MAX = 2**31 - 1


def _seconds(timeout, what="timeout must be a float or None", unit=10**9):
    """A timeout in seconds (in `unit` nanoseconds) as a float, or None; one
    CPython's nanosecond clock type cannot hold is its OverflowError."""
    if timeout is None:
        return None
    if isinstance(timeout, float):
        secs = timeout
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        if not -_PYTIME_MAX - 1 <= secs * unit <= _PYTIME_MAX:
            raise OverflowError("timestamp out of range for platform time_t")
    elif isinstance(timeout, int):
        if not -_PYTIME_MAX - 1 <= timeout * unit <= _PYTIME_MAX:
            raise OverflowError("timestamp too large to convert to C PyTime_t")
        secs = float(timeout)
    else:
        raise TypeError(what)
    return secs


def _milliseconds(ms):
    """A wait in milliseconds, rounded up, that must fit a C int."""
    ms = -(-ms // 1)
    if not -_INT_MAX - 1 <= ms <= _INT_MAX:
        raise OverflowError("timeout is too large")
    return ms


def select(rlist, wlist, xlist, timeout=None, /):
    """Wait until one or more file descriptors are ready for some kind of I/O."""
    secs = _seconds(timeout)
    if secs is not None and secs < 0:
        raise ValueError("timeout must be non-negative")
    lists = [list(rlist), list(wlist), list(xlist)]
    fds = [[_fd_of(obj) for obj in objs] for objs in lists]
    ready = _selectcall.select(fds[0], fds[1], fds[2], secs)
    return tuple([objs[i] for i in indexes]
                 for objs, indexes in zip(lists, ready))


def _event_mask(eventmask):
    if not isinstance(eventmask, int):
        raise TypeError(f"'{type(eventmask).__name__}' object cannot be "
                        f"interpreted as an integer")
    if eventmask < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if eventmask > 0xffff:
        raise OverflowError("Python int too large for C unsigned short")
    return eventmask


class poll:
    """The object `select.poll()` returns: descriptors registered with masks."""

    __slots__ = ("_fds", "_polling")

    def __new__(cls):
        self = object.__new__(cls)
        self._fds = {}
        self._polling = False
        return self

    def register(self, fd, eventmask=POLLIN | POLLPRI | POLLOUT, /):
        self._fds[_fd_of(fd)] = _event_mask(eventmask)

    def modify(self, fd, eventmask, /):
        fd = _fd_of(fd)
        if fd not in self._fds:
            raise FileNotFoundError(2, "No such file or directory")
        self._fds[fd] = _event_mask(eventmask)

    def unregister(self, fd, /):
        del self._fds[_fd_of(fd)]

    def poll(self, timeout=None, /):
        if timeout is None:
            secs = None
        else:
            ms = _seconds(timeout, f"'{type(timeout).__name__}' object "
                                   f"cannot be interpreted as an integer",
                          10**6)
            ms = _milliseconds(ms)
            secs = None if ms < 0 else ms / 1000
        if self._polling:
            raise RuntimeError("concurrent poll() invocation")
        self._polling = True
        try:
            return _selectcall.poll(list(self._fds), list(self._fds.values()),
                                    secs)
        finally:
            self._polling = False


class epoll:
    """select.epoll(sizehint=-1, flags=0): an edge or level triggered
    interface for descriptors, over the kernel's epoll."""

    __slots__ = ("_epfd",)

    def __new__(cls, sizehint=-1, flags=0):
        if sizehint == 0 or sizehint < -1:
            raise ValueError("negative sizehint")
        self = object.__new__(cls)
        self._epfd = _selectcall.epoll_create(flags & EPOLL_CLOEXEC)
        return self

    @classmethod
    def fromfd(cls, fd, /):
        self = object.__new__(cls)
        self._epfd = fd
        return self

    def _checked_fd(self):
        if self._epfd < 0:
            raise ValueError("I/O operation on closed epoll object")
        return self._epfd

    @property
    def closed(self):
        return self._epfd < 0

    def fileno(self):
        return self._checked_fd()

    def close(self):
        fd = self._epfd
        if fd >= 0:
            self._epfd = -1
            _close(fd)

    def __del__(self):
        fd = self._epfd
        if fd >= 0:
            self._epfd = -1
            try:
                _close(fd)
            except OSError:
                pass

    def __enter__(self):
        self._checked_fd()
        return self

    def __exit__(self, *args):
        self.close()

    def register(self, fd, eventmask=EPOLLIN | EPOLLPRI | EPOLLOUT):
        _selectcall.epoll_ctl(self._checked_fd(), _EPOLL_CTL_ADD, _fd_of(fd),
                              eventmask & 0xffffffff)

    def modify(self, fd, eventmask):
        _selectcall.epoll_ctl(self._checked_fd(), _EPOLL_CTL_MOD, _fd_of(fd),
                              eventmask & 0xffffffff)

    def unregister(self, fd):
        _selectcall.epoll_ctl(self._checked_fd(), _EPOLL_CTL_DEL, _fd_of(fd),
                              0)

    def poll(self, timeout=None, maxevents=-1):
        epfd = self._checked_fd()
        secs = _seconds(timeout, f"'{type(timeout).__name__}' object cannot "
                                 f"be interpreted as an integer")
        if secs is not None:
            _milliseconds(secs * 1000)
            if secs < 0:
                secs = None
        if maxevents == -1:
            maxevents = 1023
        elif maxevents < 1:
            raise ValueError(f"maxevents must be greater than 0, got "
                             f"{maxevents}")
        return _selectcall.epoll_wait(epfd, secs, maxevents)
