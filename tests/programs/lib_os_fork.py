# os.fork: the child's exit status through waitpid and the wait-status macros,
# register_at_fork's order and errors, a pipe between parent and child, and the
# child keeping only the thread that forked. Output is flushed before each fork,
# so that no buffered text is copied into a child.
import os
import signal
import sys
import threading


def flush():
    sys.stdout.flush()


def read_all(fd):
    data = b""
    while chunk := os.read(fd, 4096):
        data += chunk
    os.close(fd)
    return data


order = []
os.register_at_fork(before=lambda: order.append("before 1"),
                    after_in_parent=lambda: order.append("parent 1"),
                    after_in_child=lambda: order.append("child 1"))
os.register_at_fork(before=lambda: order.append("before 2"),
                    after_in_parent=lambda: order.append("parent 2"),
                    after_in_child=lambda: order.append("child 2"))
os.register_at_fork(after_in_child=lambda: order.append("child only"))

for bad in [{}, {"before": 1}, {"after_in_child": None, "after_in_parent": "x"}]:
    try:
        os.register_at_fork(**bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    os.register_at_fork(print)
except TypeError as e:
    print("TypeError:", e)

flush()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, repr(order).encode())
    os._exit(7)
os.close(w)
print("child saw:", read_all(r).decode())
print("parent saw:", order)
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status),
      os.WIFSIGNALED(status), os.waitstatus_to_exitcode(status))

# sys.exit in the child: its status; output the child prints is its own.
flush()
pid = os.fork()
if pid == 0:
    print("child prints")
    sys.exit(5)
print("exit code", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

flush()
pid = os.fork()
if pid == 0:
    raise SystemExit("child message")
print("exit code", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# Killed by a signal.
flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGTERM)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGTERM,
      os.waitstatus_to_exitcode(status))

# WNOHANG on a child still running, then the wait.
flush()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    read_all(r)
    os._exit(1)
os.close(r)
print("still running:", os.waitpid(pid, os.WNOHANG))
os.close(w)
print("exit code", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e)

# A failing hook is reported, and the fork goes on.
def failing_hook():
    raise ValueError("hook failed")


os.register_at_fork(after_in_parent=failing_hook)

# Threads: in the child only the forking thread exists, and it is the main thread.
started = threading.Event()
stop = threading.Event()


def background():
    started.set()
    stop.wait()


t = threading.Thread(target=background, name="background")
t.start()
started.wait()
flush()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    facts = [threading.active_count(),
             threading.current_thread() is threading.main_thread(),
             t.is_alive()]
    os.write(w, repr(facts).encode())
    os._exit(0)
os.close(w)
print("child threads:", read_all(r).decode())
os.waitpid(pid, 0)
print("parent threads:", threading.active_count(), t.is_alive())
stop.set()
t.join()

# A fork from a thread other than the main one.
results = []


def fork_in_thread():
    flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        me = threading.current_thread()
        os.write(w, repr([me.name, me is threading.main_thread(),
                          threading.active_count()]).encode())
        os._exit(3)
    os.close(w)
    results.append(read_all(r).decode())
    results.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))


t = threading.Thread(target=fork_in_thread, name="forker")
t.start()
t.join()
print("forked in a thread:", results)
print("done")

# What the fork hooks of the library use to free locks a vanished thread held.
lock = threading.Lock()
lock.acquire()
lock._at_fork_reinit()
rlock = threading.RLock()
rlock.acquire()
rlock._at_fork_reinit()
print(lock.locked(), rlock.acquire(blocking=False))

# random is seeded again in the child.
import random

random.seed(1)
flush()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, repr(random.random()).encode())
    os._exit(0)
os.close(w)
print("child draws other numbers:", read_all(r).decode() != repr(random.random()))
os.waitpid(pid, 0)
