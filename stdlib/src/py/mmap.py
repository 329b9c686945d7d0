"""mmap: memory-mapped files and anonymous memory, over the native _mmap_engine
(which owns each mapping and checks every access against its length). The mmap
object keeps the position, the access mode and CPython's argument checks."""

import _mmap_engine as _engine
from _mmap_engine import (
    PAGESIZE, ALLOCATIONGRANULARITY, MAP_SHARED, MAP_PRIVATE, MAP_ANON,
    MAP_ANONYMOUS, MAP_DENYWRITE, MAP_EXECUTABLE, MAP_POPULATE, MAP_STACK,
    PROT_READ, PROT_WRITE, PROT_EXEC, MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL,
    MADV_WILLNEED, MADV_DONTNEED, MADV_FREE, MADV_REMOVE, MADV_DONTFORK,
    MADV_DOFORK, MADV_MERGEABLE, MADV_UNMERGEABLE, MADV_HUGEPAGE, MADV_NOHUGEPAGE,
    MADV_DONTDUMP, MADV_DODUMP, MADV_HWPOISON)

ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY = range(4)

error = OSError


def _index(value):
    """An int argument (through __index__), as CPython's converters take it."""
    return value.__index__() if not isinstance(value, int) else value


def _bytes(data):
    """The bytes of a bytes-like argument, with CPython's TypeError otherwise."""
    if isinstance(data, bytes):
        return data
    try:
        return memoryview(data).tobytes()
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not "
                        f"'{type(data).__name__}'") from None


class mmap:
    """A memory-mapped file or anonymous memory: a mutable sequence of bytes with
    a file-like position."""

    def __init__(self, fileno, length, flags=MAP_SHARED,
                 prot=PROT_WRITE | PROT_READ, access=ACCESS_DEFAULT, offset=0,
                 *, trackfd=True):
        fileno, length, offset = _index(fileno), _index(length), _index(offset)
        if length < 0:
            raise OverflowError("memory mapped length must be positive")
        if offset < 0:
            raise OverflowError("memory mapped offset must be positive")
        if access != ACCESS_DEFAULT and (flags != MAP_SHARED
                                         or prot != PROT_WRITE | PROT_READ):
            raise ValueError("mmap can't specify both access and flags, prot.")
        if access == ACCESS_READ:
            flags, prot = MAP_SHARED, PROT_READ
        elif access == ACCESS_WRITE:
            flags, prot = MAP_SHARED, PROT_READ | PROT_WRITE
        elif access == ACCESS_COPY:
            flags, prot = MAP_PRIVATE, PROT_READ | PROT_WRITE
        elif access != ACCESS_DEFAULT:
            raise ValueError("mmap invalid access parameter.")
        if prot == PROT_READ:
            access = ACCESS_READ
        self._map = _engine.new_map(fileno, length, flags, prot, offset)
        self._access = access
        self._offset = offset
        self._pos = 0

    # -- state -----------------------------------------------------------------

    def _size(self):
        return _engine.length(self._map)

    def _writable(self):
        self._size()
        if self._access == ACCESS_READ:
            raise TypeError("mmap can't modify a readonly memory map.")

    @property
    def closed(self):
        try:
            _engine.length(self._map)
        except ValueError:
            return True
        return False

    def close(self):
        _engine.close(self._map)

    def __enter__(self):
        self._size()
        return self

    def __exit__(self, *args):
        self.close()

    def __len__(self):
        return self._size()

    def size(self):
        return _engine.file_size(self._map)

    def tell(self):
        self._size()
        return self._pos

    def seek(self, pos, whence=0):
        size = self._size()
        pos = _index(pos)
        if whence == 0:
            where = pos
        elif whence == 1:
            where = self._pos + pos
        elif whence == 2:
            where = size + pos
        else:
            raise ValueError("unknown seek type")
        if not 0 <= where <= size:
            raise ValueError("seek out of range")
        self._pos = where
        return where

    def seekable(self):
        return True

    # -- reading and writing ------------------------------------------------------

    def read(self, n=None):
        size = self._size()
        remaining = max(size - self._pos, 0)
        if n is None or _index(n) < 0 or _index(n) > remaining:
            n = remaining
        data = _engine.read(self._map, self._pos, self._pos + n)
        self._pos += len(data)
        return data

    def read_byte(self):
        if self._pos >= self._size():
            raise ValueError("read byte out of range")
        byte = _engine.read(self._map, self._pos, self._pos + 1)[0]
        self._pos += 1
        return byte

    def readline(self):
        size = self._size()
        end = _engine.find(self._map, b"\n", self._pos, size, False)
        end = size if end < 0 else end + 1
        data = _engine.read(self._map, self._pos, end)
        self._pos = end
        return data

    def write(self, data):
        self._writable()
        data = _bytes(data)
        if self._pos > self._size() - len(data):
            raise ValueError("data out of range")
        _engine.write(self._map, self._pos, data)
        self._pos += len(data)
        return len(data)

    def write_byte(self, byte):
        self._writable()
        byte = _index(byte)
        if self._pos >= self._size():
            raise ValueError("write byte out of range")
        if not 0 <= byte < 256:
            raise ValueError("byte must be in range(0, 256)")
        _engine.write(self._map, self._pos, bytes((byte,)))
        self._pos += 1

    def _range(self, start, end):
        size = self._size()
        start = self._pos if start is None else _index(start)
        end = size if end is None else _index(end)
        if start < 0:
            start = max(start + size, 0)
        if end < 0:
            end = max(end + size, 0)
        return min(start, size), min(end, size)

    def find(self, sub, start=None, end=None):
        start, end = self._range(start, end)
        return _engine.find(self._map, sub, start, end, False)

    def rfind(self, sub, start=None, end=None):
        start, end = self._range(start, end)
        return _engine.find(self._map, sub, start, end, True)

    def move(self, dest, src, count):
        self._writable()
        dest, src, count = _index(dest), _index(src), _index(count)
        size = self._size()
        if min(dest, src, count) < 0 or src > size - count or dest > size - count:
            raise ValueError("source, destination, or count out of range")
        _engine.move(self._map, dest, src, count)

    def flush(self, offset=0, size=None):
        length = self._size()
        size = length - offset if size is None else size
        if size < 0 or offset < 0 or length - offset < size:
            raise ValueError("flush values out of range")
        if self._access in (ACCESS_READ, ACCESS_COPY):
            return None
        _engine.flush(self._map, offset, size)

    def madvise(self, option, start=0, length=None):
        size = self._size()
        if start < 0 or start >= size:
            raise ValueError("madvise start out of bounds")
        if length is None:
            length = size
        if length < 0:
            raise ValueError("madvise length invalid")
        _engine.madvise(self._map, option, start, length)

    def resize(self, newsize):
        self._writable()
        if self._access == ACCESS_COPY:
            raise TypeError("mmap can't resize a readonly or copy-on-write memory map.")
        newsize = _index(newsize)
        if newsize < 0:
            raise ValueError("new size out of range")
        _engine.resize(self._map, newsize, self._offset)

    # -- the sequence ----------------------------------------------------------------

    def __getitem__(self, key):
        size = self._size()
        if isinstance(key, slice):
            start, stop, step = key.indices(size)
            if step == 1:
                return _engine.read(self._map, start, max(stop, start))
            return _engine.read(self._map, 0, size)[key]
        if not hasattr(type(key), "__index__"):
            raise TypeError("mmap indices must be integers")
        i = _index(key)
        if i < 0:
            i += size
        if not 0 <= i < size:
            raise IndexError("mmap index out of range")
        return _engine.read(self._map, i, i + 1)[0]

    def __setitem__(self, key, value):
        size = self._size()
        if isinstance(key, slice):
            self._writable()
            start, stop, step = key.indices(size)
            value = _bytes(value)
            positions = range(start, stop, step)
            if len(positions) != len(value):
                raise IndexError("mmap slice assignment is wrong size")
            if step == 1:
                _engine.write(self._map, start, value)
            else:
                for at, byte in zip(positions, value):
                    _engine.write(self._map, at, bytes((byte,)))
            return
        if not hasattr(type(key), "__index__"):
            raise TypeError("mmap indices must be integer")
        i = _index(key)
        if i < 0:
            i += size
        if not 0 <= i < size:
            raise IndexError("mmap index out of range")
        if not isinstance(value, int):
            raise TypeError("mmap item value must be an int")
        self._writable()
        if not 0 <= value < 256:
            raise ValueError("mmap item value must be in range(0, 256)")
        _engine.write(self._map, i, bytes((value,)))

    def __delitem__(self, key):
        raise TypeError("mmap doesn't support item deletion")

    def __bytes__(self):
        return _engine.read(self._map, 0, self._size())

    def __iter__(self):
        data = _engine.read(self._map, 0, self._size())
        return (data[i:i + 1] for i in range(len(data)))

    def __reduce__(self):
        raise TypeError("cannot pickle 'mmap.mmap' object")
