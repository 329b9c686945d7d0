# Hostile callbacks (tripwire only: CPython's Python API has no Python-level watchers).
import sys
import tripwire

log = []

# A callback that mutates the dict it is told about: its own store happens first
# (and is reported too), then the pending store lands on the table as it then is.
d = {}
def meddler(event, dct, key, new):
    log.append((event, key, new))
    if event == "added" and key == "a":
        dct["b"] = "from callback"
w = tripwire.add_dict_watcher(meddler)
tripwire.watch_dict(w, d)
d["a"] = 1
print("meddled:", d, log)
del d["b"]
d.clear()
print("after clear:", d, log[-2:])
tripwire.clear_dict_watcher(w)
log.clear()

# A callback that clears its own watcher: it runs once, later events go nowhere.
def once(event, dct, key, new):
    log.append((event, key))
    tripwire.clear_dict_watcher(w)
w = tripwire.add_dict_watcher(once)
e = {}
tripwire.watch_dict(w, e)
e["x"] = 1
e["y"] = 2
print("once:", log, e)
log.clear()

# A raising callback does not stop the mutation or the next watcher.
def boom(*args):
    raise KeyError("boom")
def record(event, dct, key, new):
    log.append((event, key, new))
w1 = tripwire.add_dict_watcher(boom)
w2 = tripwire.add_dict_watcher(record)
f = {}
tripwire.watch_dict(w1, f)
tripwire.watch_dict(w2, f)
f["k"] = "v"
print("raising:", f, log)
tripwire.clear_dict_watcher(w1)
tripwire.clear_dict_watcher(w2)
log.clear()

# Resurrection: a DEALLOCATED callback keeps the dict; it dies again later.
keep = []
def resurrect(event, dct, key, new):
    log.append(event)
    if event == "deallocated" and not keep:
        keep.append(dct)
w = tripwire.add_dict_watcher(resurrect)
g = {"alive": True}
tripwire.watch_dict(w, g)
del g
print("resurrected:", log, keep)
keep.clear()
print("died again:", log)
tripwire.clear_dict_watcher(w)
log.clear()

# Clearing a watcher keeps the watch bits: a watcher that reuses the id hears them.
w = tripwire.add_dict_watcher(record)
h = {}
tripwire.watch_dict(w, h)
tripwire.clear_dict_watcher(w)
h["lost"] = 1
w_again = tripwire.add_dict_watcher(record)
h["heard"] = 2
print("reused id:", w == w_again, log)
tripwire.clear_dict_watcher(w_again)
log.clear()

# Same-object store, missing-key delete, clearing an empty dict: no events.
w = tripwire.add_dict_watcher(record)
s = {"k": "v"}
tripwire.watch_dict(w, s)
s["k"] = s["k"]
s.pop("missing", None)
empty = {}
tripwire.watch_dict(w, empty)
empty.clear()
s.update({"n": 1}, m=2)
s |= {"k": "w"}
print("quiet and update:", log)
print("copy is unwatched:", s.copy() is not s)
c = s.copy()
c["z"] = 0
print("after copy store:", log[-1])
tripwire.clear_dict_watcher(w)
log.clear()

# Function events: no event for __name__ / __qualname__ / attributes; version reset.
def fw(event, func, new):
    log.append((event, func.__name__, new))
wf = tripwire.add_func_watcher(fw)
def target(a, b=2, *, c=3):
    return a + b + c
target.__name__ = "renamed"
target.__qualname__ = "renamed"
target.attr = 1
target.__defaults__ = None
target.__kwdefaults__ = {"c": 4}
target.__defaults__ = (5,)
print("func:", log, target(1))
tripwire.clear_func_watcher(wf)
log.clear()

# The default unraisable hook prints CPython's text on stderr.
wb = tripwire.add_type_watcher(boom)
class K: pass
tripwire.watch_type(wb, K)
K.x = 1
print("type still changed:", K.x)
tripwire.clear_type_watcher(wb)

# Errors of the module itself.
for call in (lambda: tripwire.add_dict_watcher(),
             lambda: tripwire.clear_dict_watcher("0"),
             lambda: tripwire.watch_dict(0, [1]),
             lambda: tripwire.watch_type(99, int),
             lambda: tripwire.unwatch_type(0, 3)):
    try:
        call()
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)
ids = [tripwire.add_code_watcher(print) for _ in range(8)]
try:
    tripwire.add_code_watcher(print)
except RuntimeError as ex:
    print("RuntimeError:", ex)
for i in ids:
    tripwire.clear_code_watcher(i)
print(sys.unraisablehook is sys.__unraisablehook__)
