# contextvars: variables, tokens, contexts and copies; each thread has its own
# context, and a new thread starts with an empty one (CPython 3.13).
import contextvars
import threading
from contextvars import ContextVar, copy_context

request = ContextVar("request")
level = ContextVar("level", default=0)
print(request.name, level.get(), request.get("none"))
try:
    request.get()
except LookupError:
    print("LookupError")

token = request.set("a")
print(request.get(), token.var is request, token.old_value is contextvars.Token.MISSING)
second = request.set("b")
print(request.get(), second.old_value)
request.reset(second)
print(request.get())

try:
    request.reset(second)
except RuntimeError:
    print("RuntimeError: token used twice")
try:
    level.reset(token)
except ValueError:
    print("ValueError: token of another variable")
try:
    request.reset("token")
except TypeError as e:
    print("TypeError:", e)
try:
    ContextVar(1)
except TypeError as e:
    print("TypeError:", e)

# A copy is a snapshot: changes on either side stay there.
snapshot = copy_context()
request.set("changed")
print(snapshot[request], request.get(), request in snapshot, len(snapshot) >= 1)
print(snapshot.get(level, "absent"), list(snapshot.keys()) == [request])
try:
    snapshot[1]
except TypeError as e:
    print("TypeError:", e)


def inside(x):
    request.set(x)
    level.set(level.get() + 1)
    return request.get(), level.get()


print(snapshot.run(inside, "in run"))
print(snapshot[request], snapshot[level], request.get(), level.get())

# A token from one context cannot reset the variable in another.
t = snapshot.run(request.set, "tok")
try:
    request.reset(t)
except ValueError:
    print("ValueError: token of another context")

# A context cannot be entered twice at once.
def reenter():
    snapshot.run(lambda: None)


try:
    snapshot.run(reenter)
except RuntimeError:
    print("RuntimeError: already entered")

# Threads: each starts empty and keeps its own values.
seen = []


def worker(name):
    seen.append((name, request.get("unset"), level.get()))
    request.set(name)
    level.set(len(name))
    seen.append((name, request.get(), level.get()))


threads = [threading.Thread(target=worker, args=(n,)) for n in ("t1", "thread2")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen))
print(request.get(), level.get())

# copy_context().run carries the caller's values into a thread.
ctx = copy_context()
out = []
th = threading.Thread(target=ctx.run, args=(lambda: out.append(request.get()),))
th.start()
th.join()
print(out)
