"""Chains of generators and coroutines delegating to each other (yield from, await):
values sent down and yielded up through every level, throws and returns in the
middle, frames inspected and traced while the chain is suspended or running,
threads switching in the middle of a chain, and a chain torn down by close()."""

import sys
import threading


def leaf(tag):
    total = 0
    while True:
        got = yield (tag, total)
        if got is None:
            return total
        total += got


def middle(depth, tag):
    if depth == 0:
        result = yield from leaf(tag)
    else:
        result = yield from middle(depth - 1, tag)
    return result * 2 + depth


def drive_values():
    g = middle(5, "a")
    print("first:", next(g))
    for v in (1, 2, 3):
        print("sent", v, "->", g.send(v))
    try:
        g.send(None)
    except StopIteration as stop:
        print("returned:", stop.value)


class Boom(Exception):
    pass


def catcher(depth):
    if depth == 0:
        try:
            yield "waiting"
        except Boom as e:
            yield f"caught {e.args[0]} at the bottom"
        return "bottom done"
    try:
        inner = yield from catcher(depth - 1)
    except Boom:
        inner = "never"
    yield f"level {depth} got {inner!r}"
    return f"level {depth}"


def drive_throw():
    g = catcher(4)
    print(next(g))
    print(g.throw(Boom("x")))
    print(next(g))
    print(next(g))
    print(next(g))
    print(next(g))
    try:
        next(g)
    except StopIteration as stop:
        print("stop:", stop.value)


def raiser(depth):
    if depth == 0:
        yield 1
        raise ValueError("deep failure")
    yield from raiser(depth - 1)


def drive_raise():
    g = raiser(6)
    print(next(g))
    try:
        next(g)
    except ValueError as e:
        print("escaped:", e)
    print("after:", list(g))


def inspect_chain():
    frames = []

    def bottom():
        f = sys._getframe()
        while f is not None and f.f_code.co_name in ("bottom", "level"):
            frames.append(f)
            f = f.f_back
        yield "bottom"
        yield "bottom again"

    def level(n):
        if n == 0:
            yield from bottom()
        else:
            yield from level(n - 1)

    g = level(3)
    print(next(g))
    print("frames seen:", [fr.f_code.co_name for fr in frames])
    f = g.gi_frame
    names = []
    sub = g
    while sub is not None:
        names.append((sub.gi_frame.f_code.co_name, sub.gi_frame.f_lineno, sub.gi_running))
        sub = sub.gi_yieldfrom
    print("suspended chain:", names)
    print("locals of the top:", {k: v for k, v in f.f_locals.items() if k == "n"})
    print("frames after resuming:", next(g), [fr.f_lineno for fr in frames])


class Awaitable:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        reply = yield self.value
        return reply


async def coro_chain(depth):
    if depth == 0:
        first = await Awaitable("ask 1")
        second = await Awaitable("ask 2")
        return first + second
    return await coro_chain(depth - 1) + 1


def drive_coroutine():
    c = coro_chain(8)
    print(c.send(None))
    print(c.send(10))
    try:
        c.send(20)
    except StopIteration as stop:
        print("coroutine result:", stop.value)


def traced_chain():
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name in ("middle", "leaf"):
            events.append((event, frame.f_code.co_name))
        return tracer

    g = middle(2, "t")
    sys.settrace(tracer)
    try:
        next(g)
        g.send(5)
    finally:
        sys.settrace(None)
    print("traced events:", len(events), events[:6])
    print("untraced:", g.send(1))


def threads_in_chains():
    out = []

    def counter(name, n):
        for i in range(n):
            yield f"{name}{i}"

    def wrap(depth, name, n):
        if depth == 0:
            yield from counter(name, n)
        else:
            yield from wrap(depth - 1, name, n)

    def work(name):
        for item in wrap(10, name, 300):
            if item.endswith("99"):
                out.append(item)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        ts = [threading.Thread(target=work, args=(n,)) for n in "pq"]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    finally:
        sys.setswitchinterval(old)
    print("threads:", sorted(out))


def close_chain():
    log = []

    def bottom():
        try:
            yield 1
            yield 2
        finally:
            log.append("bottom closed")

    def level(n):
        try:
            if n == 0:
                yield from bottom()
            else:
                yield from level(n - 1)
        finally:
            log.append(f"level {n} closed")

    g = level(3)
    next(g)
    g.close()
    print("close order:", log)


drive_values()
drive_throw()
drive_raise()
inspect_chain()
drive_coroutine()
traced_chain()
threads_in_chains()
close_chain()
