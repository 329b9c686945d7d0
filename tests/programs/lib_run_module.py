# `python -m MODULE`: a module and a package's __main__ found on sys.path (the
# working directory first), sys.argv, __name__ / __package__ / __spec__, the exit
# status, and a missing module's message and status.
import os
import subprocess
import sys
import tempfile

SHOW = """
import os, sys
print('argv0 is file:', sys.argv[0] == __file__, os.path.basename(sys.argv[0]))
print('args:', sys.argv[1:])
print('name:', __name__, 'package:', repr(__package__), 'spec:', __spec__.name)
print('path0 is cwd:', sys.path[0] == os.getcwd())
print('main module is me:', sys.modules['__main__'].__dict__ is globals())
"""

with tempfile.TemporaryDirectory() as folder:
    with open(os.path.join(folder, 'runme.py'), 'w') as f:
        f.write(SHOW + "sys.exit(int(sys.argv[1]) if sys.argv[1:] and sys.argv[1].isdigit() else 0)\n")
    os.mkdir(os.path.join(folder, 'apkg'))
    with open(os.path.join(folder, 'apkg', '__init__.py'), 'w') as f:
        f.write("print('package imported first')\n")
    with open(os.path.join(folder, 'apkg', '__main__.py'), 'w') as f:
        f.write(SHOW)
    with open(os.path.join(folder, 'apkg', 'sub.py'), 'w') as f:
        f.write(SHOW)
    with open(os.path.join(folder, 'broken.py'), 'w') as f:
        f.write("raise ValueError('broken on purpose')\n")
    with open(os.path.join(folder, 'data.json'), 'w') as f:
        f.write('{"b": [1, 2], "a": null}')

    def run(*args):
        done = subprocess.run([sys.executable, *args], cwd=folder,
                              capture_output=True, text=True)
        print('$ -m', ' '.join(args[1:]), '-> status', done.returncode)
        print(done.stdout, end='')
        last = done.stderr.strip().splitlines()[-1:] or ['']
        # The message starts with the interpreter's path.
        print('stderr:', last[0].rpartition(': ')[2] if 'No module' in last[0] else last[0])

    run('-m', 'runme', 'x', '--flag')
    run('-m', 'runme', '3')
    run('-m', 'apkg', 'y')
    run('-m', 'apkg.sub')
    run('-m', 'no_such_module_here')
    run('-m', 'apkg.no_such_sub')
    run('-m', 'broken')
    run('-m', 'no such-name')
    # A submodule of a package the runtime bundles (json), from CPython's library.
    run('-m', 'json.tool', '--sort-keys', 'data.json', 'out.json')
    with open(os.path.join(folder, 'out.json')) as f:
        print(f.read(), end='')
