"""A minimal `os`: the native `_os` functions and constants, `environ`,
`getenv`, `fspath`, `makedirs`, `walk`, and `os.path` (posixpath)."""

import sys
import _os
from _os import (getcwd, listdir, getpid, mkdir, remove, unlink, rmdir,
                 rename, environ, name, sep, altsep, linesep, curdir, pardir,
                 extsep, pathsep, devnull)
import posixpath as path

sys.modules['os.path'] = path
defpath = path.defpath
fspath = path._fspath


class PathLike:
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist.
    The optional second argument can specify an alternate default."""
    return environ.get(key, default)


def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Super-mkdir; create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except OSError:
            # Defeats race condition when another thread created the path
            if not path.isdir(head):
                raise
        cdir = curdir
        if tail == cdir:           # xxx/newdir/. exists if xxx/newdir exists
            return
    try:
        mkdir(name, mode)
    except OSError:
        # Cannot rely on checking for EEXIST, since the operating system
        # could give priority to other errors like EACCES or EROFS
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a leaf directory and all empty intermediate ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator yielding (dirpath, dirnames, filenames).
    Entries are listed in the order the OS returns them; symbolic links
    to directories are always followed."""
    stack = [fspath(top)]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        try:
            entries = listdir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        dirs = []
        nondirs = []
        for entry in entries:
            if path.isdir(path.join(top, entry)):
                dirs.append(entry)
            else:
                nondirs.append(entry)
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                stack.append(path.join(top, dirname))
        else:
            stack.append((top, dirs, nondirs))
            for dirname in reversed(dirs):
                stack.append(path.join(top, dirname))
