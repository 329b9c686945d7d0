# pkgutil.iter_modules lists a package's modules through sys.path_hooks (lib2to3
# finds its fixers so), and compile() takes source bytes, decoded as a file's are.
import os
import pkgutil
import sys
import tempfile

with tempfile.TemporaryDirectory() as folder:
    pkg = os.path.join(folder, 'plugins')
    os.mkdir(pkg)
    for name in ['__init__', 'fix_a', 'fix_b', 'other']:
        with open(os.path.join(pkg, name + '.py'), 'w') as f:
            f.write(f"NAME = {name!r}\n")
    os.mkdir(os.path.join(pkg, 'nested'))
    open(os.path.join(pkg, 'nested', '__init__.py'), 'w').close()
    sys.path.insert(0, folder)
    import plugins
    found = sorted((name, ispkg) for _, name, ispkg in pkgutil.iter_modules(plugins.__path__))
    print(found)
    print(sorted(n for _, n, _ in pkgutil.iter_modules([folder])))
    print(list(pkgutil.iter_modules([os.path.join(folder, 'missing')])))

code = compile(b"# -*- coding: latin-1 -*-\nx = '\xe9t\xe9'\n", 'latin.py', 'exec')
ns = {}
exec(code, ns)
print(ns['x'], len(ns['x']))
code = compile(bytearray(b"y = 6 * 7"), 'b.py', 'exec')
exec(code, ns)
print(ns['y'])
print(eval(b"1 + 2"))
try:
    compile(b"x = '\xff'\n", 'bad.py', 'exec')
except SyntaxError as e:
    print('SyntaxError:', type(e).__name__)
