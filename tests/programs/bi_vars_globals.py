# vars, globals, locals, dir.
top_level = "global value"

def show_locals(a, b=2):
    c = a + b
    return locals()

print(show_locals(1))
print(sorted(show_locals(5, 5)))

class Thing:
    kind = "thing"
    def __init__(self):
        self.x = 1
        self.y = [2]
t = Thing()
print(vars(t))
vars(t)["z"] = 3
print(t.z, vars(t))
print("kind" in vars(Thing), "x" in vars(Thing))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)

g = globals()
print(g["top_level"], "show_locals" in g, g is globals(), g["__name__"])
g["injected"] = "via globals()"
print(injected)

def modify_global():
    globals()["made_here"] = 123
modify_global()
print(made_here)

def closure_locals():
    outer_var = "outer"
    def inner():
        inner_var = "inner"
        return locals(), outer_var
    return inner()
print(closure_locals())

def locals_snapshot():
    v = 1
    snap = locals()
    v = 2
    return snap, locals()
print(locals_snapshot())
print(locals() is globals())
class Body:
    a = 1
    b = sorted(k for k in locals() if not k.startswith("__"))
print(Body.b)
def with_del():
    a = 1
    b = 2
    del a
    return locals()
print(with_del())
print(sorted(k for k in vars() if not k.startswith("__"))[:5])
