# greenlet: the trace callback runs in the greenlet switched to (and a failing one is
# removed, its error raised there), thrown exceptions get no __context__ from the
# thrower, dead parents pass switches and exceptions on, switch argument packing,
# subclasses whose __init__ skips the base's, killing a greenlet that ignores it.
import greenlet
from greenlet import greenlet as G, getcurrent, GreenletExit
main = getcurrent()
print(G.__module__, G.__name__, issubclass(greenlet.error, Exception),
      GreenletExit.__mro__[1].__name__)

def tr(ev, args):
    print("trace", ev, getcurrent() is args[0], getcurrent() is args[1])
    if ev == "throw":
        raise KeyError("from trace")
greenlet.settrace(tr)
def f():
    try:
        main.switch(1)
    except Exception as e:
        print("f caught", repr(e))
    return 5
g = G(f)
print(g.switch())
print(g.throw(ValueError))
print(greenlet.gettrace())

def w():
    try:
        raise KeyError("inner")
    except KeyError:
        try:
            main.switch()
        except ValueError as e:
            print("thrown ctx", repr(e.__context__))
g = G(w); g.switch(); g.throw(ValueError("t"))
def w2():
    try:
        raise KeyError("inner2")
    except KeyError:
        raise ValueError("out")
try:
    raise IndexError("outer")
except IndexError:
    try:
        G(w2).switch()
    except ValueError as e:
        print("raised ctx", repr(e.__context__), repr(e.__context__.__context__))

ga = G(lambda: "a-result")
gb = G(lambda: ga.switch(), parent=ga)
print(gb.switch(), ga.dead, gb.dead)
p = G(lambda: 1); p.switch()
def boom(): raise IndexError("i")
try: G(boom, parent=p).switch()
except IndexError as e: print("main got", e)
q = G(lambda: 2)
try: q.throw(KeyError("q"))
except KeyError as e: print("pending throw", e, q.dead, bool(q))
r = G(lambda: 3)
print(type(r.throw(GreenletExit("bye"))).__name__, r.dead)

def catcher():
    try: main.switch()
    except Exception as e: return ("caught", type(e).__name__, e.args)
for args in [(ValueError, (1, 2)), (ValueError, 5), (ValueError, ValueError("inst"))]:
    h = G(catcher); h.switch()
    print(h.throw(*args))
h = G(catcher); h.switch()
try: h.throw(ValueError("x"), 5)
except TypeError as e: print("TypeError", e)

class S(G):
    def __init__(self, n): self.n = n
    def run(self): return self.n * 3
s = S(7); print(s.switch(), s.dead, s.parent is main, s.__dict__)
def kw(a, b=0, **k): return (a, b, k)
print(G(kw).switch(1, b=2, c=3))
def echo():
    x = main.switch()
    while True:
        x = main.switch(x)
e = G(echo); e.switch()
print(e.switch(k=1), e.switch(1, k=1), e.switch(1, 2), e.switch(None), e.switch())
def who(): return getcurrent() is w
w = G(who); print(w.switch())
print(G().gr_frame, main.gr_frame, bool(main), main.dead, main.parent)
print(main.switch(7))
try: main.throw(KeyError("self"))
except KeyError as e: print("self throw", e)

log = []
greenlet.settrace(lambda ev, args: log.append((ev, args[0] is main, args[1] is main)))
inner = G(lambda: main.switch("x"))
outer = G(lambda: inner.switch())
print(outer.switch())
greenlet.settrace(None)
print(log)

def victim():
    try: main.switch()
    except GreenletExit: print("victim got exit"); raise
v = G(victim); v.switch(); del v
print("after victim")
def stubborn():
    while True:
        try: main.switch()
        except GreenletExit: print("stubborn ignores")
st = G(stubborn); st.switch(); del st
print("after stubborn")
