# Running sys.executable -c: the Python that runs this starts another of itself
# (tripwire runs tripwire, CPython runs CPython); only what both print is shown.
import subprocess
import sys

r = subprocess.run([sys.executable, "-c", "import sys; print(sum(range(10))); sys.exit(4)"],
                   capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))

r = subprocess.run([sys.executable, "-c", "raise ValueError('from the child')"],
                   capture_output=True, text=True)
print(r.returncode, r.stderr.splitlines()[0], r.stderr.splitlines()[-1])

print(subprocess.check_output(
    [sys.executable, "-c", "import sys; print(sys.argv, __name__, sys.path[0] == '')", "a", "b"],
    text=True), end="")

p = subprocess.Popen([sys.executable, "-c", "import sys; print(sys.stdin.read().upper())"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
print(repr(p.communicate("shout\n")[0]), p.returncode)

code = "import os, sys; sys.stdout.write(os.environ['TRIPWIRE_CHILD'])"
print(subprocess.check_output([sys.executable, "-c", code],
                              env={"TRIPWIRE_CHILD": "env passed", "PATH": "/usr/bin:/bin"}))

try:
    subprocess.check_call([sys.executable, "-c", "import sys; sys.exit(3)"])
except subprocess.CalledProcessError as e:
    print(e.returncode)
