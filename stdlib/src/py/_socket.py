"""_socket: the socket type and module-level calls CPython's socket.py builds on,
over the native `_socketcall` (descriptor calls, addresses, name resolution).

Here live the parts that are Python objects: the `socket` class with its
timeout (None: blocking, 0.0: non-blocking, else seconds; the descriptor is
O_NONBLOCK unless the timeout is None, as in CPython), the default timeout, and
the exceptions `herror` and `gaierror`. Every call that can block passes the
timeout down; the native call waits through the scheduler, so other threads run.
"""

import _socketcall
from _socketcall import *
from _socketcall import (socket as _new_socket, socketpair as _socketpair,
                         sock_info as _sock_info, close as _close,
                         set_blocking as _set_blocking)

error = OSError
timeout = TimeoutError
has_ipv6 = True


class herror(OSError):
    pass


class gaierror(OSError):
    pass


herror.__module__ = gaierror.__module__ = "socket"

_default_timeout = None


def _timeout_value(value):
    """A timeout argument as a float, or None."""
    if value is None:
        return None
    if isinstance(value, float):
        secs = value
    elif isinstance(value, int):
        secs = float(value)
    else:
        try:
            secs = float(value.__index__())
        except AttributeError:
            raise TypeError(f"'{type(value).__name__}' object cannot be "
                            f"interpreted as an integer") from None
    if secs != secs:
        raise ValueError("Invalid value NaN (not a number)")
    if secs < 0:
        raise ValueError("Timeout value out of range")
    return secs


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    _default_timeout = _timeout_value(timeout)


class socket:
    """socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)"""

    __slots__ = ("_fd", "_family", "_type", "_proto", "_timeout")

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        self._fd = -1
        if fileno is None:
            family = AF_INET if family == -1 else family.__index__()
            type = SOCK_STREAM if type == -1 else type.__index__()
            proto = 0 if proto == -1 else proto.__index__()
            fd = _new_socket(family, type, proto)
        else:
            if isinstance(fileno, float):
                raise TypeError("'float' object cannot be interpreted as an integer")
            fd = fileno.__index__()
            if fd < 0:
                raise ValueError("negative file descriptor")
            found = _sock_info(fd)
            family = found[0] if family == -1 else family.__index__()
            type = found[1] if type == -1 else type.__index__()
            proto = found[2] if proto == -1 else proto.__index__()
        self._fd = fd
        self._family = family
        self._type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)
        self._proto = proto
        if type & SOCK_NONBLOCK:
            self._timeout = 0.0
        else:
            self._timeout = _default_timeout
            if _default_timeout is not None:
                _set_blocking(fd, False)

    family = property(lambda self: self._family,
                      doc="the socket family")
    type = property(lambda self: self._type, doc="the socket type")
    proto = property(lambda self: self._proto, doc="the socket protocol")
    timeout = property(lambda self: self._timeout,
                       doc="the socket timeout")

    def __repr__(self):
        return (f"<socket object, fd={self._fd}, family={self._family}, "
                f"type={self._type}, proto={self._proto}>")

    def __del__(self):
        fd = self._fd
        if fd >= 0:
            self._fd = -1
            try:
                _close(fd)
            except OSError:
                pass

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def fileno(self):
        return self._fd

    def close(self):
        fd = self._fd
        if fd >= 0:
            self._fd = -1
            _close(fd)

    def detach(self):
        fd = self._fd
        self._fd = -1
        return fd

    def gettimeout(self):
        return self._timeout

    def settimeout(self, value):
        value = _timeout_value(value)
        self._timeout = value
        if self._fd >= 0:
            _set_blocking(self._fd, value is None)

    def getblocking(self):
        return self._timeout != 0.0

    def setblocking(self, flag):
        self.settimeout(None if flag else 0.0)

    def bind(self, address):
        _socketcall.bind(self._fd, self._family, address)

    def listen(self, backlog=min(SOMAXCONN, 128)):
        _socketcall.listen(self._fd, backlog)

    def _accept(self):
        return _socketcall.accept(self._fd, self._timeout)

    def connect(self, address):
        _socketcall.connect(self._fd, self._family, address, self._timeout)

    def connect_ex(self, address):
        return _socketcall.connect_ex(self._fd, self._family, address,
                                      self._timeout)

    def shutdown(self, how):
        _socketcall.shutdown(self._fd, how)

    def recv(self, bufsize, flags=0):
        return _socketcall.recv(self._fd, bufsize, flags, self._timeout)

    def recvfrom(self, bufsize, flags=0):
        return _socketcall.recvfrom(self._fd, bufsize, flags, self._timeout)

    def recv_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer)
        if nbytes < 0:
            raise ValueError("negative buffersize in recv_into")
        if nbytes > len(view):
            raise ValueError("buffer too small for requested bytes")
        data = self.recv(nbytes or len(view), flags)
        view[:len(data)] = data
        return len(data)

    def recvfrom_into(self, buffer, nbytes=0, flags=0):
        view = memoryview(buffer)
        if nbytes < 0:
            raise ValueError("negative buffersize in recvfrom_into")
        if nbytes > len(view):
            raise ValueError("nbytes is greater than the length of the buffer")
        data, address = self.recvfrom(nbytes or len(view), flags)
        view[:len(data)] = data
        return len(data), address

    def send(self, data, flags=0):
        return _socketcall.send(self._fd, data, flags, self._timeout)

    def sendall(self, data, flags=0):
        _socketcall.sendall(self._fd, data, flags, self._timeout)

    def sendto(self, data, flags_or_address, address=None):
        if address is None:
            flags, address = 0, flags_or_address
        else:
            flags = flags_or_address
        return _socketcall.sendto(self._fd, data, flags, self._family,
                                  address, self._timeout)

    def getsockname(self):
        return _socketcall.getsockname(self._fd)

    def getpeername(self):
        return _socketcall.getpeername(self._fd)

    def setsockopt(self, level, optname, value, optlen=None):
        if optlen is not None:
            if value is not None:
                raise TypeError("setsockopt() takes an int or a buffer, "
                                "or None with an option length")
            value = bytes(optlen)
        _socketcall.setsockopt(self._fd, level, optname, value)

    def getsockopt(self, level, optname, buflen=None):
        return _socketcall.getsockopt(self._fd, level, optname, buflen)


SocketType = socket


def socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0):
    a, b = _socketpair(family, type, proto)
    return socket(family, type, proto, a), socket(family, type, proto, b)


def dup(fd):
    return _socketcall.dup(fd)


def close(fd):
    _close(fd)


def gethostbyname_ex(hostname):
    address = gethostbyname(hostname)
    return hostname, [], [address]


def inet_ntoa(packed_ip):
    packed = bytes(packed_ip)
    if len(packed) != 4:
        raise OSError("packed IP wrong length for inet_ntoa")
    return inet_ntop(AF_INET, packed)


def _check_int(value, what):
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be "
                        f"interpreted as an integer")
    if value < 0:
        raise OverflowError(f"{what}: can't convert negative Python int "
                            f"to C 16-bit unsigned integer")
    if value > 0xffff:
        raise OverflowError(f"{what}: Python int too large to convert to "
                            f"C 16-bit unsigned integer")
    return value


def htons(x):
    x = _check_int(x, "htons")
    return ((x & 0xff) << 8) | (x >> 8)


ntohs = htons


def htonl(x):
    if not isinstance(x, int):
        raise TypeError(f"'{type(x).__name__}' object cannot be "
                        f"interpreted as an integer")
    if x < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if x > 0xffffffff:
        raise OverflowError("int larger than 32 bits")
    return int.from_bytes(x.to_bytes(4, "little"), "big")


ntohl = htonl


_PROTOCOLS = {"ip": 0, "icmp": 1, "tcp": 6, "udp": 17, "ipv6": 41,
              "icmpv6": 58, "raw": 255}


def getprotobyname(protocolname):
    try:
        return _PROTOCOLS[protocolname.lower()]
    except KeyError:
        raise OSError("protocol not found") from None
