# send, throw, close and GeneratorExit.
def echo():
    print("echo started")
    received = None
    try:
        while True:
            received = yield f"got {received!r}"
            if received == "stop":
                return "stopped by request"
    except GeneratorExit:
        print("echo: GeneratorExit")
        raise
    finally:
        print("echo: finally")

g = echo()
print(g.send(None))
print(g.send(1))
print(g.send("two"))
print(next(g))
try:
    g.send("stop")
except StopIteration as e:
    print("returned:", e.value)

g = echo()
try:
    g.send("too early")
except TypeError as e:
    print(type(e).__name__, e)
print(next(g))
g.close()
print("closed; close again is fine:", g.close())
try:
    next(g)
except StopIteration:
    print("StopIteration after close")

def averager():
    total = 0
    count = 0
    avg = None
    while True:
        try:
            value = yield avg
        except ValueError as e:
            print("averager resetting because", e)
            total = count = 0
            avg = None
            continue
        total += value
        count += 1
        avg = total / count

a = averager()
next(a)
print(a.send(10), a.send(20), a.send(60))
print(a.throw(ValueError("reset")))
print(a.send(5))

def no_catch():
    yield 1
    yield 2
n = no_catch()
next(n)
try:
    n.throw(KeyError("thrown in"))
except KeyError as e:
    print("propagated", repr(e))
print(list(n))

def throw_before_start():
    yield 1
t = throw_before_start()
try:
    t.throw(RuntimeError("unstarted"))
except RuntimeError as e:
    print("unstarted throw:", e)

def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"
ie = ignore_exit()
next(ie)
try:
    ie.close()
except RuntimeError as e:
    print(type(e).__name__, e)

def catch_and_return():
    try:
        yield 1
    except GeneratorExit:
        print("cleanup on close")
        return "value ignored"
cr = catch_and_return()
next(cr)
print(cr.close())

def throw_handled():
    while True:
        try:
            yield "normal"
        except IndexError:
            yield "handled IndexError"
th = throw_handled()
print(next(th), th.throw(IndexError), next(th), th.throw(IndexError()))

def gen_del():
    try:
        yield 1
    finally:
        print("finalized when dropped")
gd = gen_del()
next(gd)
del gd
print("after del")
