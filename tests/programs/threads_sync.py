# Lock, RLock, Condition, Event, Semaphore, Barrier, local, Timer.
import threading
import time

lock = threading.Lock()
print(lock.acquire(), lock.acquire(False), lock.acquire(True, 0.01), lock.locked())
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for args in ((False, 1), (True, -2)):
    try:
        lock.acquire(*args)
    except ValueError as e:
        print("ValueError:", e)
with lock:
    print("in with", lock.locked())

r = threading.RLock()
with r:
    with r:
        print("reentered")
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)

# Producer / consumer on a Condition: the consumer sees items in order.
cond = threading.Condition()
queue = []
consumed = []


def consumer():
    while True:
        with cond:
            while not queue:
                cond.wait()
            item = queue.pop(0)
        if item is None:
            return
        consumed.append(item)


c = threading.Thread(target=consumer)
c.start()
for i in range(5):
    with cond:
        queue.append(i)
        cond.notify()
with cond:
    queue.append(None)
    cond.notify()
c.join()
print(consumed)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)

# Event ping-pong: strictly alternating.
ping, pong = threading.Event(), threading.Event()
trace = []


def ponger():
    for i in range(3):
        ping.wait()
        ping.clear()
        trace.append("pong%d" % i)
        pong.set()


p = threading.Thread(target=ponger)
p.start()
for i in range(3):
    trace.append("ping%d" % i)
    ping.set()
    pong.wait()
    pong.clear()
p.join()
print(trace)
e = threading.Event()
print(e.is_set(), e.wait(0.01), e.wait(timeout=0))

# Semaphore: never more than two inside.
sem = threading.Semaphore(2)
inside = [0]
peak = [0]


def limited():
    with sem:
        inside[0] += 1
        peak[0] = max(peak[0], inside[0])
        time.sleep(0.01)
        inside[0] -= 1


ts = [threading.Thread(target=limited) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak", peak[0])
b = threading.BoundedSemaphore(1)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
print(threading.Semaphore(0).acquire(timeout=0.01))

# Barrier: every party gets a distinct index.
barrier = threading.Barrier(3)
indices = []


def party():
    indices.append(barrier.wait())


ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(indices), barrier.broken)

# local: one value per thread.
data = threading.local()
data.value = "main"
inner = []


def use_local():
    inner.append(hasattr(data, "value"))
    data.value = "thread"
    inner.append(data.value)


t = threading.Thread(target=use_local)
t.start()
t.join()
print(inner, data.value)


class Local(threading.local):
    def __init__(self, start):
        self.count = start


loc = Local(10)
counts = []


def bump():
    loc.count += 1
    counts.append(loc.count)


t = threading.Thread(target=bump)
t.start()
t.join()
print(counts, loc.count)

# Timer: runs once after its interval, unless cancelled.
fired = []
tm = threading.Timer(0.01, fired.append, args=("fired",))
tm.start()
tm.join()
cancelled = threading.Timer(10, fired.append, args=("never",))
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired)
