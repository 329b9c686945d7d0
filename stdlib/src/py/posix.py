"""posix: the POSIX calls CPython's os.py exports, over the native `_posixcall`.

Here live the parts that are Python objects: `stat_result` and `terminal_size`
(structured sequences), `DirEntry` and `scandir`, `environ` (bytes to bytes, as
CPython's), `get_terminal_size`. `_have_functions` names no `*at` call: tripwire's
calls take no `dir_fd`, so CPython's library keeps to plain paths; it names
`chown`'s descriptor and no-follow forms.
"""

from _posixcall import *
from _posixcall import (_exit, _listdir_entries, _environ_items,
                        _terminal_size, stat as _stat, lstat as _lstat,
                        fstat as _fstat)
from _structseq import structseq as _structseq

_have_functions = ["HAVE_FCHOWN", "HAVE_LCHOWN"]


def fspath(path):
    """The str or bytes of a path-like object, as CPython's posix.fspath (which
    os exports, and importlib's bootstrap calls)."""
    if isinstance(path, (str, bytes)):
        return path
    kind = type(path)
    method = getattr(kind, '__fspath__', None)
    if method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + kind.__name__)
    result = method(path)
    if isinstance(result, (str, bytes)):
        return result
    raise TypeError(f"expected {kind.__name__}.__fspath__() to return str or "
                    f"bytes, not {type(result).__name__}")

environ = dict(_environ_items())


# Items 7..9 are the whole seconds of the times, printed under the names of the
# float attributes.
stat_result = _structseq("os", "stat_result", (
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
    "st_atime", "st_mtime", "st_ctime"), (
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns",
    "st_ctime_ns", "st_blksize", "st_blocks", "st_rdev"),
    "stat_result: Result from stat, fstat, or lstat.", attributes=7)

terminal_size = _structseq("os", "terminal_size", ("columns", "lines"), (),
                          "A tuple of (columns, lines) for holding terminal "
                          "window size")


def _stat_result(raw):
    """A stat_result of the native call's tuple (see _posixcall.stat)."""
    (mode, ino, dev, nlink, uid, gid, size, a_s, a_ns, m_s, m_ns, c_s, c_ns,
     blksize, blocks, rdev) = raw
    return stat_result((mode, ino, dev, nlink, uid, gid, size, a_s, m_s, c_s,
                        a_s + a_ns * 1e-9, m_s + m_ns * 1e-9, c_s + c_ns * 1e-9,
                        a_s * 1_000_000_000 + a_ns, m_s * 1_000_000_000 + m_ns,
                        c_s * 1_000_000_000 + c_ns, blksize, blocks, rdev))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path."""
    return _stat_result(_stat(path, dir_fd=dir_fd,
                              follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    """Perform a stat system call on the given path, without following
    symbolic links."""
    return _stat_result(_lstat(path, dir_fd=dir_fd))


def fstat(fd):
    """Perform a stat system call on the given file descriptor."""
    return _stat_result(_fstat(fd))


def get_terminal_size(fd=1, /):
    """Return the size of the terminal window as (columns, lines)."""
    return terminal_size(_terminal_size(fd))


def device_encoding(fd):
    """The encoding of a terminal on fd: None, as CPython in UTF-8 mode."""
    return None


_S_IFMT = 0o170000
_KIND_MODES = {"d": 0o040000, "f": 0o100000, "l": 0o120000}


class DirEntry:
    """An entry of a directory listing, as `scandir` yields them; its stat results
    are fetched on first use and kept."""

    __module__ = "posix"

    def __init__(self, directory, name, kind, inode):
        self.name = name
        if isinstance(name, bytes):
            sep = b"/"
        else:
            sep = "/"
        if directory is None:
            self.path = name
        elif directory.endswith(sep):
            self.path = directory + name
        else:
            self.path = directory + sep + name
        self._kind = kind
        self._inode = inode
        self._stat = None
        self._lstat = None

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def __fspath__(self):
        return self.path

    def inode(self):
        return self._inode

    def is_symlink(self):
        if self._kind is not None:
            return self._kind == "l"
        return self._mode(False) & _S_IFMT == _KIND_MODES["l"]

    def is_junction(self):
        return False

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def _is(self, kind, follow_symlinks):
        if self._kind is not None and (self._kind != "l" or not follow_symlinks):
            return self._kind == kind
        return self._mode(follow_symlinks) & _S_IFMT == _KIND_MODES[kind]

    def is_dir(self, *, follow_symlinks=True):
        return self._is("d", follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._is("f", follow_symlinks)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks and self.is_symlink():
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def __class_getitem__(cls, item):
        return type(list[int])(cls, item)


class ScandirIterator:
    """The iterator `scandir` returns; also a context manager that closes it."""

    __module__ = "posix"

    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def close(self):
        self._entries = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


def scandir(path=None):
    """An iterator of DirEntry objects for the entries of the directory path."""
    if path is None:
        directory, listing = ".", _listdir_entries()
    else:
        directory = path.__fspath__() if hasattr(path, "__fspath__") else path
        listing = _listdir_entries(path)
    return ScandirIterator([DirEntry(directory, name, kind, inode)
                            for name, kind, inode in listing])
