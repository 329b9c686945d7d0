# Jumps in generator frames: at a yield's 'return' event and at a resumption's
# 'call' event (the generator goes on at the new line when it resumes; the value
# sent in is dropped), and in a generator that is suspended or not started, set
# from another frame's 'line' event.
import sys


def numbers():
    got = yield 1
    print("  got", got)
    got = yield 2
    print("  got", got)
    yield 3
    yield 4


def at_event(event, nth, to):
    """Drive numbers(); at its nth `event`, jump to line `to` (relative)."""
    first = numbers.__code__.co_firstlineno
    seen = 0
    notes = []

    def local(frame, ev, arg):
        nonlocal seen
        if ev == event:
            seen += 1
            if seen == nth:
                try:
                    frame.f_lineno = first + to
                    notes.append(f"jumped to {frame.f_lineno - first}")
                except ValueError as e:
                    notes.append(f"ValueError: {e}")
        return local

    def outer(frame, ev, arg):
        if frame.f_code is numbers.__code__:
            return local(frame, ev, arg)
        return None

    g = numbers()
    sys.settrace(outer)
    try:
        values = [next(g)]
        for word in ["a", "b", "c", "d"]:
            values.append(g.send(word))
    except StopIteration:
        pass
    finally:
        sys.settrace(None)
    print(f"{event} #{nth} -> {to}: {values} {notes}")


at_event("call", 1, 3)     # a new frame: refused
at_event("call", 2, 5)     # resuming after `yield 1`
at_event("return", 1, 5)   # at `yield 1`: it still yields, then goes on at line 5
at_event("return", 2, 1)   # back to the first yield
at_event("return", 1, 9)


def from_outside(g, to):
    """Jump generator g's frame while tracing another function's line."""
    def probe():
        return None

    def local(frame, ev, arg):
        if ev == "line":
            try:
                g.gi_frame.f_lineno = numbers.__code__.co_firstlineno + to
                print("  moved to", g.gi_frame.f_lineno - numbers.__code__.co_firstlineno)
            except ValueError as e:
                print("  ValueError:", e)
        return local

    sys.settrace(lambda f, e, a: local if f.f_code is probe.__code__ else None)
    probe()
    sys.settrace(None)


g = numbers()
print(next(g))
from_outside(g, 5)
print(g.send("x"))
print(list(g))

g = numbers()
from_outside(g, 3)   # not started yet
print(list(g))

g = numbers()
print(next(g))
from_outside(g, 6)
g.close()
print("closed", g.gi_frame)


def in_loop():
    for i in range(3):
        x = yield i
        print("  after", i, x)
    yield "end"


def jump_in_loop(to):
    first = in_loop.__code__.co_firstlineno
    done = False

    def local(frame, ev, arg):
        nonlocal done
        if ev == "line" and not done and frame.f_lineno - first == 3:
            done = True
            try:
                frame.f_lineno = first + to
            except ValueError as e:
                print("  ValueError:", e)
        return local

    sys.settrace(lambda f, e, a: local if f.f_code is in_loop.__code__ else None)
    try:
        print(to, list(in_loop()))
    finally:
        sys.settrace(None)


jump_in_loop(2)
jump_in_loop(4)
jump_in_loop(1)
