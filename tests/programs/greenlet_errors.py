# greenlet: parent rules and their errors, switching to another thread's greenlet,
# dead greenlets passing to their parent, throw forms, subclasses with run.
from greenlet import greenlet, getcurrent, GreenletExit, error
import threading
main = getcurrent()
a = greenlet(lambda: None); b = greenlet(lambda: None, a)
for v in (None, 3):
    try: a.parent = v
    except Exception as e: print(type(e).__name__, e)
try: a.parent = b
except Exception as e: print(type(e).__name__, e)
try: greenlet(lambda: None, 5)
except Exception as e: print(type(e).__name__, e)
print(main.parent, a.parent is main)
other = []
def t(): other.append(greenlet(lambda: 1)); other.append(getcurrent())
th = threading.Thread(target=t); th.start(); th.join()
try: other[0].switch()
except Exception as e: print(type(e).__name__, e)
try: a.parent = other[1]
except Exception as e: print(type(e).__name__, e)
d = greenlet(lambda: 7); print(d.switch(), d.dead)
print(d.switch(8))
try: d.throw(ValueError("x"))
except ValueError as e: print("dead throw", e)
print(d.throw())
def gen():
    main.switch(1); main.switch(2)
g = greenlet(gen); print(g.switch(), g.switch())
try: g.throw(ValueError, "v")
except ValueError as e: print("thrown", e)
print(g.dead)
try: g.throw(5)
except Exception as e: print(type(e).__name__, e)
class MyG(greenlet):
    def run(self, x): return x * 2
print(MyG().switch(21))
print(greenlet().run if False else "")
try: greenlet().switch()
except Exception as e: print(type(e).__name__, e)
x = greenlet(lambda: 1); x.switch()
try: x.run = 5
except Exception as e: print(type(e).__name__, e)
