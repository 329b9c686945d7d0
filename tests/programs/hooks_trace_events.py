# sys.settrace / gettrace: call, line, return, exception events, the local trace
# function returned by the global one, generator resumption, f_trace_opcodes, and a
# trace function that raises (tracing turns off for the thread, as in CPython).
import sys

def tracer(frame, event, arg):
    shown = '' if event == 'call' else (arg[0].__name__ if event == 'exception' else repr(arg))
    print(event, frame.f_code.co_name, frame.f_lineno, shown)
    return tracer

def gen():
    x = 1
    yield x
    yield x + 1

def f(n):
    total = 0
    for i in range(n): total += i
    for v in gen():
        total += v
    try:
        raise ValueError("boom")
    except ValueError:
        pass
    return total

sys.settrace(tracer)
print(sys.gettrace() is tracer)
f(2)
sys.settrace(None)
print(sys.gettrace())

# Only the global function sees 'call'; returning None means no local events.
def only_calls(frame, event, arg):
    print("global", event, frame.f_code.co_name)
    return None

def g():
    a = 1
    return a

sys.settrace(only_calls)
g()
sys.settrace(None)

# A local trace function that is not the global one, and that switches itself.
def local_b(frame, event, arg):
    print("  b", event, frame.f_lineno)
    return local_b

def local_a(frame, event, arg):
    print("  a", event, frame.f_lineno)
    return local_b if event == 'line' else local_a

def chooser(frame, event, arg):
    return local_a if frame.f_code.co_name == 'h' else None

def h():
    x = 1
    y = 2
    return x + y

sys.settrace(chooser)
print(h())
sys.settrace(None)

# Exceptions propagating through frames: exception, then return None, per frame.
def inner():
    raise KeyError("k")

def outer():
    try:
        inner()
    except KeyError:
        return "caught"

sys.settrace(tracer)
outer()
sys.settrace(None)

# Opcode events when f_trace_opcodes is set (counted: opcodes differ by build).
counts = {}
def opcodes(frame, event, arg):
    if event == 'line':
        frame.f_trace_opcodes = True
    counts[event] = counts.get(event, 0) + 1
    return opcodes

def small():
    return 1 + 2

sys.settrace(opcodes)
small()
sys.settrace(None)
print(sorted(counts), counts['opcode'] > 0, counts['call'], counts['return'])

# f_trace_lines = False silences line events only.
def nolines(frame, event, arg):
    frame.f_trace_lines = False
    print("nolines", event)
    return nolines

def two_lines():
    a = 1
    return a

sys.settrace(nolines)
two_lines()
sys.settrace(None)

# A trace function that raises: the exception comes out of the traced code, and
# tracing is off afterwards.
def bad(frame, event, arg):
    if event == 'line':
        raise RuntimeError("tracer failed")
    return bad

def victim():
    x = 1
    return x

sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print("caught", e)
print(sys.gettrace())
print(victim())
