# subprocess over os.fork / _posixsubprocess.fork_exec: pipes, exit statuses,
# errors as CPython's exceptions. Only /bin/sh and coreutils are run, so the output
# is the same whichever Python runs this.
import os
import subprocess
import sys

r = subprocess.run(["/bin/sh", "-c", "echo hi; exit 3"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(repr(r))

print(subprocess.check_output(["echo", "x"]))
print(subprocess.check_output(["echo", "text"], text=True), end="")
print(subprocess.call(["true"]), subprocess.call(["false"]))

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"hello\nworld\n")
print(out, err, p.returncode)

p = subprocess.Popen(["tr", "a-z", "A-Z"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
out, err = p.communicate("shout " * 5000)
print(len(out), out[:12], repr(err), p.returncode)

with subprocess.Popen(["sh", "-c", "read line; echo got $line; exit 4"],
                      stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    p.stdin.write(b"ping\n")
    p.stdin.close()
    print(p.stdout.read())
print(p.wait(), p.returncode)

try:
    subprocess.run(["no-such-program-tripwire"])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)

try:
    subprocess.run(["/etc"])
except PermissionError as e:
    print(type(e).__name__, e)

try:
    subprocess.run(["ls"], cwd="/no/such/dir/tripwire")
except FileNotFoundError as e:
    print(type(e).__name__, e)

try:
    subprocess.check_call(["sh", "-c", "exit 2"])
except subprocess.CalledProcessError as e:
    print(e, e.returncode, e.cmd)

try:
    subprocess.check_output(["sh", "-c", "echo partial; kill -TERM $$"])
except subprocess.CalledProcessError as e:
    print(e)
    print(e.output)

try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd)

r = subprocess.run("echo $TRIPWIRE_FOO", shell=True, env={"TRIPWIRE_FOO": "bar"},
                   stdout=subprocess.PIPE, text=True)
print(repr(r.stdout))

print(subprocess.run(["pwd"], cwd="/", stdout=subprocess.PIPE).stdout)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r.stdout)

r = subprocess.run(["cat"], input=b"fed through stdin", stdout=subprocess.PIPE)
print(r.stdout)

print(subprocess.getstatusoutput("echo status; exit 5"))
print(subprocess.getoutput("echo output"))

# pass_fds: the child writes to a descriptor it was handed.
rfd, wfd = os.pipe()
subprocess.run(["sh", "-c", f"echo through the fd >&{wfd}"], pass_fds=[wfd])
os.close(wfd)
print(os.read(rfd, 100))
os.close(rfd)

# close_fds (the default) keeps other descriptors from the child.
rfd, wfd = os.pipe()
os.set_inheritable(wfd, True)
r = subprocess.run(["sh", "-c", f"{{ echo x >&{wfd}; }} 2>/dev/null || echo closed"],
                   stdout=subprocess.PIPE)
print(r.stdout)
os.close(wfd)
os.close(rfd)

marks = []
r = subprocess.run(["sh", "-c", "echo $TRIPWIRE_PRE"], stdout=subprocess.PIPE,
                   preexec_fn=lambda: os.environ.__setitem__("TRIPWIRE_PRE", "set in child"))
print(r.stdout, "TRIPWIRE_PRE" in os.environ)


def failing():
    raise ValueError("no")


try:
    subprocess.run(["true"], preexec_fn=failing)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

p = subprocess.Popen(["sleep", "10"])
print(p.poll())
p.terminate()
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
p.kill()
print(p.wait())

sys.stdout.flush()
r = subprocess.run(["echo", "straight to our stdout"])
print(r.returncode, r.stdout)

# fork_exec's own argument checks.
import _posixsubprocess

good = [[b"true"], [b"/bin/true"], True, (), None, None] + [-1] * 8 + [
    True, False, -1, None, None, None, -1, None, True]
for change in [{3: None}, {13: 1}, {3: (5, 4), 13: 9}, {3: (-1,), 13: 9}]:
    args = list(good)
    for i, v in change.items():
        args[i] = v
    try:
        _posixsubprocess.fork_exec(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    _posixsubprocess.fork_exec(1)
except TypeError as e:
    print("TypeError", e)
