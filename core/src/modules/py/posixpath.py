"""Common operations on POSIX pathnames (str paths only), ported from
CPython's posixpath and genericpath."""

import _os

__all__ = ["normcase", "isabs", "join", "splitdrive", "splitroot", "split",
           "splitext", "basename", "dirname", "commonprefix", "getsize",
           "getmtime", "exists", "lexists", "isdir", "isfile", "expanduser",
           "normpath", "abspath", "relpath", "commonpath", "curdir", "pardir",
           "sep", "pathsep", "defpath", "altsep", "extsep", "devnull"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'


def _fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, "
                        "not " + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, "
                    "not {}".format(path_type.__name__,
                                    type(path_repr).__name__))


def _check_arg_types(funcname, *args):
    for s in args:
        if not isinstance(s, (str, bytes)):
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None


def normcase(s):
    """Normalize case of pathname.  Has no effect under Posix"""
    return _fspath(s)


def isabs(s):
    """Test whether a path is absolute"""
    s = _fspath(s)
    return s.startswith('/')


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed.
    If any component is an absolute path, all previous path components
    will be discarded.  An empty last part will result in a path that
    ends with a separator."""
    a = _fspath(a)
    path = a
    try:
        for b in p:
            b = _fspath(b)
            if b.startswith(sep) or not path:
                path = b
            elif path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError):
        _check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    """Split a pathname.  Returns tuple "(head, tail)" where "tail" is
    everything after the final slash.  Either part may be empty."""
    p = _fspath(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep*len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """Split the extension from a pathname.

    Extension is everything from the last dot to the end, ignoring
    leading dots.  Returns "(root, ext)"; ext may be empty."""
    p = _fspath(p)
    sepIndex = p.rfind(sep)
    dotIndex = p.rfind(extsep)
    if dotIndex > sepIndex:
        # skip all leading dots
        filenameIndex = sepIndex + 1
        while filenameIndex < dotIndex:
            if p[filenameIndex:filenameIndex+1] != extsep:
                return p[:dotIndex], p[dotIndex:]
            filenameIndex += 1
    return p, p[:0]


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always
    empty."""
    p = _fspath(p)
    return p[:0], p


def splitroot(p):
    """Split a pathname into drive, root and tail.

    The tail contains anything after the root."""
    p = _fspath(p)
    if p[:1] != sep:
        return '', '', p
    elif p[1:2] != sep or p[2:3] == sep:
        return '', sep, p[1:]
    else:
        return '', p[:2], p[2:]


def basename(p):
    """Returns the final component of a pathname"""
    p = _fspath(p)
    i = p.rfind(sep) + 1
    return p[i:]


def dirname(p):
    """Returns the directory component of a pathname"""
    p = _fspath(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep*len(head):
        head = head.rstrip(sep)
    return head


def expanduser(path):
    """Expand ~ constructions using $HOME.  ~user forms, and ~ without
    $HOME, are returned unchanged."""
    path = _fspath(path)
    if not path.startswith('~'):
        return path
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1 or 'HOME' not in _os.environ:
        return path
    userhome = _os.environ['HOME']
    userhome = userhome.rstrip(sep)
    return (userhome + path[i:]) or sep


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = _fspath(path)
    if not path:
        return curdir
    _, initial_slashes, path = splitroot(path)
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if not comp or comp == curdir:
            continue
        if (comp != pardir or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == pardir)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    comps = new_comps
    path = initial_slashes + sep.join(comps)
    return path or curdir


def abspath(path):
    """Return an absolute path."""
    path = _fspath(path)
    if not path.startswith('/'):
        path = join(_os.getcwd(), path)
    return normpath(path)


def commonprefix(m):
    "Given a list of pathnames, returns the longest common leading component"
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def relpath(path, start=None):
    """Return a relative version of a path"""
    path = _fspath(path)
    if not path:
        raise ValueError("no path specified")
    if start is None:
        start = curdir
    else:
        start = _fspath(start)
    try:
        start_tail = abspath(start).lstrip(sep)
        path_tail = abspath(path).lstrip(sep)
        start_list = start_tail.split(sep) if start_tail else []
        path_list = path_tail.split(sep) if path_tail else []
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir] * (len(start_list)-i) + path_list[i:]
        if not rel_list:
            return curdir
        return sep.join(rel_list)
    except (TypeError, AttributeError):
        _check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""
    paths = tuple(map(_fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    try:
        split_paths = [path.split(sep) for path in paths]
        try:
            isabs, = {p.startswith(sep) for p in paths}
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs else ''
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise


def _stat(path):
    return _os._stat(_fspath(path))


def exists(path):
    """Test whether a path exists.  Returns False for broken symbolic links"""
    try:
        _stat(path)
    except (OSError, ValueError):
        return False
    return True


lexists = exists


def isfile(path):
    """Test whether a path is a regular file"""
    try:
        st = _stat(path)
    except (OSError, ValueError):
        return False
    return st[0] == 'file'


def isdir(s):
    """Return true if the pathname refers to an existing directory."""
    try:
        st = _stat(s)
    except (OSError, ValueError):
        return False
    return st[0] == 'dir'


def getsize(filename):
    """Return the size of a file, reported by os.stat()."""
    return _stat(filename)[1]


def getmtime(filename):
    """Return the last modification time of a file, reported by os.stat()."""
    return _stat(filename)[2]
