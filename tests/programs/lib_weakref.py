# CPython's weakref.py over tripwire's _weakref: the weak containers, finalize and
# WeakMethod.
import gc
import weakref


class Item:
    def __init__(self, name):
        self.name = name

    def greet(self, who):
        return f"{self.name} greets {who}"

    def __repr__(self):
        return f"Item({self.name})"


# WeakValueDictionary: entries vanish with their values.
values = weakref.WeakValueDictionary()
a, b = Item("a"), Item("b")
values["a"] = a
values["b"] = b
print(len(values), sorted(values), values["a"], values.get("zz"))
del a
print(len(values), sorted(values), "a" in values)
print(sorted(k for k, v in values.items()))
values.setdefault("c", b)
print(sorted(values), values.pop("c"))
try:
    values["a"]
except KeyError as e:
    print("KeyError", e)

# WeakKeyDictionary: entries vanish with their keys.
keys = weakref.WeakKeyDictionary()
k1, k2 = Item("k1"), Item("k2")
keys[k1] = 1
keys[k2] = 2
print(len(keys), sorted(keys.values()), keys[k1], k1 in keys)
del k1
print(len(keys), [k.name for k in keys])

# WeakSet, including members dying in a cycle.
ws = weakref.WeakSet()
s1, s2 = Item("s1"), Item("s2")
s2.me = s2
ws.add(s1)
ws.add(s2)
print(len(ws), s1 in ws, Item("other") in ws)
del s2
gc.collect()
print(len(ws), [x.name for x in ws])
ws2 = weakref.WeakSet([s1])
print(ws == ws2, len(ws | ws2))

# finalize: runs once, when the object dies or when called.
obj = Item("fin")
f = weakref.finalize(obj, print, "finalizing", "fin")
print(f.alive, f.peek()[0] is obj)
del obj
print(f.alive, f())
g = weakref.finalize(Item("tmp"), lambda: None)
h_obj = Item("h")
h = weakref.finalize(h_obj, lambda x: print("called with", x), 42)
print(h(), h(), h.alive)
det_obj = Item("det")
det = weakref.finalize(det_obj, print, "never")
print(det.detach()[0] is det_obj, det.alive)
del det_obj

# WeakMethod: alive while the instance is.
m_obj = Item("m")
wm = weakref.WeakMethod(m_obj.greet)
print(wm()("you"), weakref.ref(m_obj.greet)() is None)
print(wm == weakref.WeakMethod(m_obj.greet))
del m_obj
print(wm())

# ref and proxy from the weakref module itself.
r_obj = Item("r")
r = weakref.ref(r_obj)
p = weakref.proxy(r_obj)
print(r() is r_obj, p.name, weakref.getweakrefcount(r_obj), isinstance(r, weakref.ReferenceType))
print(isinstance(p, weakref.ProxyTypes), type(weakref.ref(r_obj)) is weakref.ReferenceType)
del r_obj
print(r(), weakref.getweakrefcount(Item("none")))
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
