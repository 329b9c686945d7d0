# Jumps a trace function makes by setting frame.f_lineno at a 'line' event, and
# what the frame does after them: lines skipped or run again, loops, with blocks
# and exception handlers left, locals skipped over bound to None.
import sys


class Ctx:
    def __init__(self, log, tag):
        self.log, self.tag = log, tag

    def __enter__(self):
        self.log.append(f"enter {self.tag}")
        return self

    def __exit__(self, *exc):
        self.log.append(f"exit {self.tag}")
        return False


def jump(func, at, to, show_events=False):
    """Run func(log); at its first 'line' event on line `at` (relative to the
    def line), jump to line `to`."""
    first = func.__code__.co_firstlineno
    log = []
    events = []
    done = False

    def local(frame, event, arg):
        nonlocal done
        events.append((event, frame.f_lineno - first))
        if event == "line" and not done and frame.f_lineno - first == at:
            done = True
            try:
                frame.f_lineno = first + to
                events.append(("now at", frame.f_lineno - first))
            except ValueError as e:
                log.append(f"refused: {e}")
        return local

    def outer(frame, event, arg):
        if frame.f_code is func.__code__:
            return local(frame, event, arg)
        return None

    sys.settrace(outer)
    try:
        result = func(log)
    except Exception as e:
        result = f"raised {type(e).__name__}"
    finally:
        sys.settrace(None)
    print(f"{func.__name__} {at}->{to}: {log} result={result!r}")
    if show_events:
        print("   events:", events)


def straight(log):
    log.append(1)
    log.append(2)
    log.append(3)
    return "end"


jump(straight, 1, 3, show_events=True)
jump(straight, 3, 1, show_events=True)
jump(straight, 2, 2)
jump(straight, 1, 4)


def skips_stores(log):
    a = "a"
    b = "b"
    log.append("after stores")
    return (a, b)


jump(skips_stores, 1, 3)
jump(skips_stores, 2, 3)


def codeless(log):
    log.append(1)
    # a comment: the jump goes on to the next line with code

    log.append(5)


jump(codeless, 1, 2)


def if_else(log):
    x = None
    if x is None:
        log.append("then")
    else:
        log.append("else")
    log.append("after")


jump(if_else, 3, 5)
jump(if_else, 6, 3)


def loops(log):
    for i in range(3):
        log.append(i)
        for j in "ab":
            log.append(j)
    log.append("done")


jump(loops, 4, 5)   # out of both loops: the iterators are dropped
jump(loops, 4, 2)   # out of the inner loop only
jump(loops, 2, 1)   # to the `for` line from the body: the loop starts again
jump(loops, 5, 1)


def while_loop(log):
    i = 0
    while i < 3:
        log.append(i)
        i += 1
    log.append("done")


jump(while_loop, 5, 3)
jump(while_loop, 1, 3)
jump(while_loop, 4, 2)


def with_blocks(log):
    log.append("start")
    with Ctx(log, "one"):
        log.append("in one")
    with Ctx(log, "two"):
        log.append("in two")
    log.append("end")


jump(with_blocks, 3, 6)   # __exit__ of "one" is never called
jump(with_blocks, 3, 5)
jump(with_blocks, 5, 1)


def with_in_loop(log):
    for i in range(2):
        with Ctx(log, i):
            log.append("body")
        log.append("after with")
    log.append("done")


jump(with_in_loop, 3, 4)
jump(with_in_loop, 3, 1)  # the `for` line from inside the with: leaves the loop
jump(with_in_loop, 3, 5)


def try_blocks(log):
    try:
        log.append("try")
        log.append("try 2")
    except KeyError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("end")


jump(try_blocks, 2, 7)
jump(try_blocks, 2, 9)
jump(try_blocks, 7, 10)
jump(try_blocks, 9, 2)


def leave_handler(log):
    try:
        1 / 0
    except ZeroDivisionError as e:
        log.append(f"handling {sys.exception()!r}")
        log.append("still handling")
    log.append(f"after: {sys.exception()!r}")


jump(leave_handler, 5, 6)  # leaving the except block restores the handled exception
jump(leave_handler, 5, 2)  # back into the try body: raises again


def nested_handlers(log):
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            log.append(f"inner {sys.exception()!r}")
            log.append("x")
        log.append(f"back to {sys.exception()!r}")
    log.append(f"after {sys.exception()!r}")


jump(nested_handlers, 8, 10)
jump(nested_handlers, 8, 9)


def leave_finally(log):
    try:
        log.append("try")
        1 / 0
    finally:
        log.append("finally")
        log.append("finally 2")
    log.append("after")


jump(leave_finally, 6, 7)  # out of the finally run for the exception: it is dropped
jump(leave_finally, 6, 2)  # back into the try body
jump(leave_finally, 2, 5)  # into the finally block from the try body


def expressions(log):
    values = [n * n for n in range(3)]
    log.append(values)
    total = sum(
        values
    )
    log.append(total)


jump(expressions, 2, 1)
jump(expressions, 6, 2)


def jump_twice(log):
    log.append(1)
    log.append(2)
    log.append(3)
    log.append(4)


def twice(frame, event, arg):
    first = jump_twice.__code__.co_firstlineno
    if event == "line" and frame.f_lineno == first + 1:
        frame.f_lineno = first + 4
        frame.f_lineno = first + 3
        print("twice: now at", frame.f_lineno - first)
        frame.f_trace = None
    return twice


sys.settrace(lambda f, e, a: twice if f.f_code is jump_twice.__code__ else None)
out = []
jump_twice(out)
sys.settrace(None)
print("twice:", out)
