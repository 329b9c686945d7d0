# The os module and os.path: pure path functions, the constants, and
# file-system calls inside a temporary directory under the current one.
import os
import os.path
from os.path import join, split, splitext
import posixpath

print(os.path is posixpath, os.name, repr(os.sep), repr(os.linesep))
print(os.curdir, os.pardir, os.extsep, os.devnull, repr(os.path.sep))

print(join('a', 'b', 'c'), join('a/', 'b'), join('a', '/b', 'c'), join('', 'x'),
      join('a', ''), join('/', 'a'))
for p in ['', '/', '//', '///', 'a', '/a', 'a/', 'a/b', '/a/b/', 'a//b', '//a',
          '.', '..', 'a/.b', '.bashrc', 'a.tar.gz', '/x/y.z/w', '...', 'a/..c']:
    print(repr(p), split(p), splitext(p), os.path.basename(p),
          os.path.dirname(p), os.path.normpath(p), os.path.isabs(p),
          os.path.splitdrive(p))
for p in ['a/./b/../c', '/../a', '../../a/b', 'a/b/../../..', '//a//b/',
          '///a/../b', './', 'a/b/c/../../d/']:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.commonprefix(['abc/def', 'abc/dxy', 'abcz']),
      repr(os.path.commonprefix([])), os.path.commonprefix([['a', 'b'], ['a', 'c']]))
print(os.path.commonpath(['a/b/c', 'a/b/d', 'a/b']), os.path.commonpath(['/x/y', '/x']))
try:
    os.path.commonpath(['/a', 'b'])
except ValueError as e:
    print('ValueError', e)
print(os.path.relpath('a/b/c', 'a'), os.path.relpath('a', 'a/b/c'),
      os.path.relpath('x', 'x'), os.path.relpath('a/b', 'c/d'))
try:
    os.path.relpath('')
except ValueError as e:
    print('ValueError', e)
try:
    join('a', 1)
except TypeError as e:
    print('TypeError', e)
try:
    os.fspath(3)
except TypeError as e:
    print('TypeError', e)


class P:
    def __fspath__(self):
        return 'p/q.txt'


print(os.fspath('s'), os.fspath(P()), splitext(P()), join(P(), 'r'))
print(os.path.expanduser('~nosuchuser_tw/x'), os.path.expanduser('a/~'))
print(os.path.expanduser('~/x') == os.environ['HOME'].rstrip('/') + '/x'
      if 'HOME' in os.environ else True)
print(os.path.abspath('x/../y') == join(os.getcwd(), 'y'),
      os.path.isabs(os.getcwd()), os.path.abspath('/a/./b'))

print(os.getenv('TRIPWIRE_SURELY_UNSET_VARIABLE'),
      os.getenv('TRIPWIRE_SURELY_UNSET_VARIABLE', 'dflt'),
      'TRIPWIRE_SURELY_UNSET_VARIABLE' in os.environ)
print(all(isinstance(k, str) and isinstance(v, str) for k, v in os.environ.items()))
print(isinstance(os.getpid(), int) and os.getpid() > 0)

print(os.path.isfile('mod_os.py'), os.path.isdir('mod_os.py'),
      os.path.exists('mod_os.py'), os.path.getsize('mod_os.py') > 0)
print(os.path.isdir('.'), os.path.isfile('.'), os.path.exists('no_such_file_tw'),
      os.path.isfile('no_such_file_tw'), os.path.isdir('no_such_file_tw'))
print('mod_os.py' in os.listdir(), 'mod_os.py' in os.listdir('.'))

tmp = '_mod_os_tmp_%d' % os.getpid()
os.mkdir(tmp)
try:
    print(os.path.isdir(tmp), os.listdir(tmp))
    os.makedirs(join(tmp, 'a', 'b', 'c'))
    os.makedirs(join(tmp, 'a', 'b'), exist_ok=True)
    os.mkdir(join(tmp, 'a', 'x'))
    os.mkdir(join(tmp, 'z'))
    print(sorted(os.listdir(tmp)), sorted(os.listdir(join(tmp, 'a'))))
    try:
        os.makedirs(join(tmp, 'a', 'b'))
    except OSError as e:
        print('makedirs', isinstance(e, OSError), e.errno, e.strerror,
              e.filename == join(tmp, 'a', 'b'), str(e).replace(tmp, 'TMP'))
    try:
        os.mkdir(join(tmp, 'z'))
    except OSError as e:
        print('mkdir', e.errno, str(e).replace(tmp, 'TMP'))
    try:
        os.listdir(join(tmp, 'missing'))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, str(e).replace(tmp, 'TMP'))
    try:
        os.rmdir(join(tmp, 'missing'))
    except OSError as e:
        print(type(e).__name__, str(e).replace(tmp, 'TMP'))
    try:
        os.remove(join(tmp, 'missing'))
    except FileNotFoundError as e:
        print(type(e).__name__, str(e).replace(tmp, 'TMP'))
    try:
        os.rename(join(tmp, 'missing'), join(tmp, 'other'))
    except FileNotFoundError as e:
        print(type(e).__name__, str(e).replace(tmp, 'TMP'), e.filename2 is not None)
    try:
        os.path.getsize(join(tmp, 'missing'))
    except FileNotFoundError as e:
        print(type(e).__name__, str(e).replace(tmp, 'TMP'))
    try:
        os.rmdir(join(tmp, 'a'))
    except OSError as e:
        print('rmdir non-empty', str(e).split('] ', 1)[1].replace(tmp, 'TMP'))
    os.rename(join(tmp, 'z'), join(tmp, 'zz'))
    print(sorted(os.listdir(tmp)), os.path.exists(join(tmp, 'z')))
    walked = sorted((os.path.relpath(d, tmp), sorted(ds), sorted(fs))
                    for d, ds, fs in os.walk(tmp))
    print(walked)
    order = [os.path.relpath(d, tmp) for d, ds, fs in os.walk(tmp, topdown=False)]
    print(order.index('a/b/c') < order.index('a/b') < order.index('a') < order.index('.'))
finally:
    for d, ds, fs in os.walk(tmp, topdown=False):
        for f in fs:
            os.remove(join(d, f))
        os.rmdir(d)
print(os.path.exists(tmp))
