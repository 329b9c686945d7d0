# PEP 667: frame.f_locals is a write-through proxy in function scopes (locals, cells,
# free variables, extra keys, KeyError, copy(), equality by content, a new proxy per
# access); locals() is a fresh snapshot; generator frames stay inspectable;
# sys._getframe and the frame attributes. Deleting and pop() changed in 3.13.1
# (gh-125590): tests/frame_locals.rs checks them.
import sys

def outer():
    free = "free0"
    def inner(a, b=2):
        cell = "cell0"
        local = "local0"
        def uses_cell():
            return cell + free
        f = sys._getframe()
        p = f.f_locals
        print(type(p).__name__, isinstance(p, dict))
        print(sorted(p.keys()))
        print(p is f.f_locals, p == f.f_locals, f.f_locals == f.f_locals)
        p["local"] = "local1"
        p["cell"] = "cell1"
        p["free"] = "free1"
        p["a"] = 10
        print(local, cell, a, uses_cell())
        p["extra"] = "x"
        print("extra" in p, p["extra"], f.f_locals["extra"], "extra" in locals())
        try:
            extra
        except NameError as e:
            print("NameError", e)
        try:
            p["unbound"]
        except KeyError as e:
            print("KeyError", e)
        unbound = 1
        del unbound
        try:
            p["unbound"]
        except KeyError as e:
            print("KeyError", e)
        print("unbound" in p, "nothere" in p, p.get("nothere", "dflt"))
        try:
            p.clear()
        except Exception as e:
            print(type(e).__name__, e)
        c = p.copy()
        print(type(c).__name__, sorted(c))
        c["local"] = "changed in copy"
        print(local)
        print(len(p) == len(list(p)), sorted(p.items())[:2])
        print(repr(locals() == p), locals() is locals())
        snap = locals()
        local = "local2"
        print(snap["local"], p["local"])
        p.update({"b": 20, "extra2": 5})
        print(b, p["extra2"])
        print(p.setdefault("local", "nope"), p.setdefault("sd", "new"))
        print(p == {k: v for k, v in p.items()}, p != {}, bool(p))
        print(f.f_locals is not f.f_locals)
        try:
            p[1] = 2
            print("int key ok", p[1])
        except Exception as e:
            print(type(e).__name__, e)
        return uses_cell
    return inner(1)

outer()

def gen():
    x = 1
    yield x
    x = 2
    yield x

g = gen()
print(g.gi_frame.f_lineno, g.gi_frame.f_code.co_name, g.gi_frame.f_back)
next(g)
fr = g.gi_frame
print(fr.f_lineno, fr.f_locals["x"], fr.f_back)
fr.f_locals["x"] = 99
print(next(g))
print(fr.f_locals["x"])
next(g, None)
print(g.gi_frame)
print(sys._getframe().f_locals is globals(), sys._getframe().f_globals is globals())
print(type(sys._getframe().f_builtins).__name__)
def depth():
    return sys._getframe(1).f_code.co_name, sys._getframe(0) is sys._getframe()
print(depth())
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError", e)
def trace_flags():
    f = sys._getframe()
    print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)
trace_flags()
class C:
    q = 1
    print('q' in sys._getframe().f_locals, sys._getframe().f_back.f_code.co_name)
def returns_frame():
    v = "kept"
    return sys._getframe()
dead = returns_frame()
print(dead.f_locals["v"], dead.f_back is sys._getframe(), dead.f_code.co_name)
