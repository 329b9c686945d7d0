# A compiled loop calls a function that sets a trace function: the loop's own
# frame must report its line events from then on, with no line lost.
import sys

lines = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "run" and event == "line":
        lines.append(frame.f_lineno)
    return tracer


def start():
    sys.settrace(tracer)
    sys._getframe(1).f_trace = tracer


def run(n):
    total = 0
    for i in range(n):
        total += i
        if i == 600:
            start()
    sys.settrace(None)
    return total


print(run(1000))
print(len(lines), sorted(set(lines)))
