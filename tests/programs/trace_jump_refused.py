# Setting frame.f_lineno where CPython 3.13 refuses it: outside a 'line' event,
# with a bad value, outside the code, or where the operand stack cannot be made
# what the target line expects. A refused jump leaves the frame running on.
import sys


class Ctx:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("enter")

    def __exit__(self, *exc):
        self.log.append("exit")


def attempt(func, at, to, event="line", value=...):
    """Run func(log); at its first `event` whose line is `at` (relative to the
    def line), set f_lineno to line `to` (or to `value`) and report."""
    first = func.__code__.co_firstlineno
    log = []
    done = False

    def local(frame, ev, arg):
        nonlocal done
        frame.f_trace_opcodes = event == "opcode"
        if ev == event and not done and frame.f_lineno - first == at:
            done = True
            target = first + to if value is ... else value
            try:
                frame.f_lineno = target
                log.append("jumped")
            except ValueError as e:
                log.append(f"ValueError: {str(e).replace(str(target), 'N')}")
        return local

    def outer(frame, ev, arg):
        if frame.f_code is func.__code__:
            return local(frame, ev, arg)
        return None

    sys.settrace(outer)
    try:
        func(log)
    except Exception as e:
        log.append(f"raised {type(e).__name__}")
    finally:
        sys.settrace(None)
    print(f"{func.__name__} {event} {at}->{to if value is ... else repr(value)}: {log}")


def simple(log):
    log.append(1)
    log.append(2)
    return 3


attempt(simple, 1, 9)
attempt(simple, 1, -5)
attempt(simple, 0, 2, event="call")
attempt(simple, 3, 1, event="return")
attempt(simple, 2, 1, event="opcode")
for bad in ["3", 2.0, True, None]:
    attempt(simple, 1, 0, value=bad)
attempt(simple, 1, 0, value=10**30)
attempt(simple, 1, 0, value=-(2**31) - 1)


def raising(log):
    log.append(1)
    raise KeyError(2)


attempt(raising, 2, 1, event="exception")


def into_loop(log):
    log.append(1)
    for i in range(2):
        log.append(i)
    log.append(4)


attempt(into_loop, 1, 3)
attempt(into_loop, 4, 3)


def into_with(log):
    log.append(1)
    with Ctx(log):
        log.append(3)
    log.append(4)


attempt(into_with, 1, 3)
attempt(into_with, 4, 3)


def into_except(log):
    try:
        log.append(2)
        log.append(3)
    except ValueError:
        log.append(5)
    except Exception as e:
        log.append(7)
    finally:
        log.append(9)
    log.append(10)


attempt(into_except, 2, 5)
attempt(into_except, 3, 6)
attempt(into_except, 3, 7)
attempt(into_except, 10, 5)


def inside_except(log):
    try:
        1 / 0
    except ZeroDivisionError:
        log.append(4)
        log.append(5)
    log.append(6)


attempt(inside_except, 5, 3)   # the `except` line: a new exception is needed


def returns(log):
    log.append(1)
    return 2
    log.append("never")


attempt(returns, 1, 4)


def middle_of_call(log):
    log.append(
        len("abc")
    )
    log.append(4)


attempt(middle_of_call, 4, 2)


# Outside any trace function, and deleting the attribute.
frame = sys._getframe()
for value in [3, "x"]:
    try:
        frame.f_lineno = value
    except ValueError as e:
        print("no tracer:", e)
try:
    del frame.f_lineno
except AttributeError as e:
    print("del:", e)


# From a profile function: its call events and the calls of built-in functions.
def profiled():
    len("x")
    return 1


def profile(frame, event, arg):
    if frame.f_code is profiled.__code__:
        try:
            frame.f_lineno = profiled.__code__.co_firstlineno + 2
            print("profile", event, "jumped")
        except ValueError as e:
            print("profile", event, "ValueError:", e)


sys.setprofile(profile)
profiled()
sys.setprofile(None)
