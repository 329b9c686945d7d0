# frame.clear(): a finished frame drops its variables; an executing frame and a
# suspended generator's frame refuse; a generator not started is closed.
import sys


class Noisy:
    def __del__(self):
        print("Noisy freed")


def finished():
    held = Noisy()
    count = 3
    return sys._getframe()


frame = finished()
print(sorted(frame.f_locals))
print(frame.clear())
print("after clear", frame.f_locals)
frame.clear()

try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)


def outer():
    inner_frame = sys._getframe()
    try:
        inner_frame.clear()
    except RuntimeError as e:
        print("RuntimeError:", e)


outer()


def gen():
    yield 1
    yield 2


g = gen()
next(g)
try:
    g.gi_frame.clear()
except RuntimeError as e:
    print("RuntimeError:", e)
print(next(g))

fresh = gen()
fresh.gi_frame.clear()
print(fresh.gi_frame, list(fresh))
