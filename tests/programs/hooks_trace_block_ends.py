# Line and return events where a body ends in a loop (the implicit return is on
# the loop's line) and where an exception is caught (the handler's entry has no
# line of its own).
import sys


def show(func, *args):
    first = func.__code__.co_firstlineno
    events = []

    def local(frame, event, arg):
        events.append(f"{event} {frame.f_lineno - first}")
        return local

    sys.settrace(lambda f, e, a: local if f.f_code is func.__code__ else None)
    try:
        func(*args)
    except Exception as e:
        events.append(type(e).__name__)
    sys.settrace(None)
    print(f"{func.__name__}: {', '.join(events)}")


def ends_in_for(items):
    total = 0
    for x in items:
        total += x


def ends_in_while(n):
    while n:
        n -= 1


def ends_in_if(flag):
    if flag:
        flag = 2


def caught():
    try:
        a = 1
        1 / 0
        a = 2
    except ZeroDivisionError:
        a = 3
    return a


def caught_as():
    try:
        {}["k"]
    except ValueError:
        pass
    except KeyError as e:
        a = e
    a = 0


def finally_raises():
    try:
        a = 1
        1 / 0
    finally:
        a = 2


show(ends_in_for, [1, 2])
show(ends_in_for, [])
show(ends_in_while, 2)
show(ends_in_if, True)
show(caught)
show(caught_as)
show(finally_raises)
