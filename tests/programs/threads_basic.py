# threading.Thread: targets, arguments, names, join, liveness, identity, errors.
import threading
import _thread

results = {}


def work(key, value, *, scale=1):
    results[key] = value * scale
    return "ignored"


t = threading.Thread(target=work, args=("a", 2), kwargs={"scale": 10})
print(t.name, t.daemon, t.is_alive(), t.ident)
t.start()
t.join()
print(results, t.is_alive(), t.ident is not None, t.ident != threading.get_ident())

named = threading.Thread(target=work, args=("b", 1), name="worker-b", daemon=True)
print(named.name, named.daemon)
named.start()
named.join(timeout=5)
print(results["b"])


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


c = Counter(1000)
c.start()
c.join()
print(c.total, c.name.startswith("Thread-"))

me = threading.current_thread()
print(me.name, me is threading.main_thread(), me.ident == threading.get_ident())
print(threading.active_count(), len(threading.enumerate()))

seen = []


def who():
    seen.append(threading.current_thread().name)
    seen.append(threading.current_thread() is threading.main_thread())


w = threading.Thread(target=who, name="who")
w.start()
w.join()
print(seen)

for bad in (lambda: threading.Thread(target=work).join(), lambda: me.join()):
    try:
        bad()
    except RuntimeError as e:
        print("RuntimeError:", e)

again = threading.Thread(target=lambda: None)
again.start()
again.join()
try:
    again.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    again.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)

# _thread directly.
lock = _thread.allocate_lock()
lock.acquire()
box = []


def raw(x, y):
    box.append(x + y)
    lock.release()


_thread.start_new_thread(raw, (1, 2))
lock.acquire()
print(box, type(lock).__name__, lock.locked())
print(_thread.get_ident() == threading.get_ident())

# Many threads updating shared state under a lock: the total is exact.
total = 0
guard = threading.Lock()


def add(n):
    global total
    for _ in range(n):
        with guard:
            total += 1


ts = [threading.Thread(target=add, args=(20000,)) for _ in range(5)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print(total)
