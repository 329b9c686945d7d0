# _thread.RLock, the native reentrant lock: recursion, ownership across threads,
# the Condition helpers, and importlib's module locks, which are made of it.
import _thread
import threading
import time

r = _thread.RLock()
print(type(r).__name__, type(r).__module__)
print(r.acquire(), r.acquire(), r._recursion_count(), r._is_owned())
print(repr(r).startswith("<locked _thread.RLock object owner="), "count=2" in repr(r))
r.release()
r.release()
print(r._recursion_count(), r._is_owned(), hasattr(r, "locked"))
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at "))
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    r._release_save()
except RuntimeError as e:
    print("RuntimeError:", e)

with r:
    with r:
        print("nested", r._recursion_count())
print("after", repr(r).startswith("<unlocked"))

# Another thread cannot take it, nor release it, while this one holds it.
r.acquire()
seen = []

def other():
    seen.append(r.acquire(False))
    seen.append(r.acquire(True, 0.01))
    seen.append(r._recursion_count())
    try:
        r.release()
    except RuntimeError as e:
        seen.append(str(e))

t = threading.Thread(target=other)
t.start()
t.join()
print(seen)

# _release_save / _acquire_restore keep the count across a full release.
r.acquire()
state = r._release_save()
print(state[0], state[1] == threading.get_ident(), repr(r).startswith("<unlocked"))
r._acquire_restore(state)
print(r._recursion_count())
r.release()
r.release()

# A waiter gets it once the holder lets go.
order = []

def waiter():
    with r:
        order.append("waiter")

r.acquire()
t = threading.Thread(target=waiter)
t.start()
time.sleep(0.01)
order.append("holder")
r.release()
t.join()
print(order)

try:
    r.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    r.acquire(timeout=-2)
except ValueError as e:
    print("ValueError:", e)
