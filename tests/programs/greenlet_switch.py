# greenlet: switch return values for every argument form, run's result and
# exceptions going to the parent, throw, GreenletExit on collection, the trace
# callback's events, gr_frame of a suspended greenlet.
from greenlet import greenlet, getcurrent, GreenletExit
import greenlet as gmod
log = []
def test1(x, y):
    log.append(("t1", x, y))
    z = gr2.switch(x + y)
    log.append(("t1 got", z))
    return "t1 done"
def test2(u):
    log.append(("t2", u))
    r = gr1.switch(42)
    log.append(("t2 got", r))
gr1 = greenlet(test1)
gr2 = greenlet(test2)
print(gr1.switch("hello", " world"))
print(log)
print(gr1.dead, gr2.dead, bool(gr2))
main = getcurrent()
def f(*a, **k):
    while True:
        v = main.switch()
        print("f got", repr(v))
g = greenlet(f)
g.switch()
g.switch(); g.switch(1); g.switch(1, 2); g.switch(a=1); g.switch(1, b=2)
def raiser():
    raise KeyError("k")
try:
    greenlet(raiser).switch()
except KeyError as e:
    print("propagated", e)
def ex():
    try:
        main.switch("in ex")
    except GreenletExit:
        print("got exit")
        raise
e = greenlet(ex)
print(e.switch())
r = e.throw()
print(type(r).__name__, e.dead)
def dele():
    try:
        main.switch()
    finally:
        print("cleanup on collect")
d = greenlet(dele); d.switch(); del d
print("after del")
def tr(event, args):
    print("trace", event, args[0] is main, args[1] is main)
gmod.settrace(tr)
h = greenlet(lambda: 5)
print(h.switch())
gmod.settrace(None)
a = greenlet(lambda: None)
try:
    main.parent = a
except AttributeError as e: print(e)
def fr():
    x = 10
    main.switch()
k = greenlet(fr); k.switch()
print(k.gr_frame.f_code.co_name, k.gr_frame.f_locals['x'], k.gr_frame.f_lineno)
print(main.gr_frame)
k.switch()
print(k.gr_frame, k.dead)
u = greenlet(lambda: 1)
print(u.throw(GreenletExit) .__class__.__name__, u.dead)
