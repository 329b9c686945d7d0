import genericpath
# genericpath imported before os: CPython has os imported at start-up, so the
# cycle genericpath -> os -> posixpath -> genericpath never starts there.
import sys

print(genericpath.exists('/'), genericpath.isdir('/'), genericpath.isfile('/'))
print(genericpath.commonprefix(['interstellar', 'internet', 'interval']))
print(genericpath._splitext('a/b.tar.gz', '/', None, '.'))
import os
import posixpath
print(os.path is posixpath, 'genericpath' in sys.modules)
print(posixpath.splitext('x/y.txt'), posixpath.exists is genericpath.exists)
