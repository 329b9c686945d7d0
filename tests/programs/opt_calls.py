# Loops that call built-in functions (len, abs, max, math.sqrt) as the optimizer compiles
# them: results, an error raised inside a call (caught in the loop, and not), a
# trace function set from the loop, and a module function replaced.
import math
def norms(n):
    t = 0.0
    for i in range(n):
        t += math.sqrt(i) + abs(-i) + len("abc")
    return t
print(norms(20000))
def bad(n):
    t = 0
    for i in range(n):
        t += abs(i)
        if i == n - 3:
            t += len(5)
    return t
try:
    bad(10000)
except TypeError as e:
    print("TypeError:", e)
def caught(n):
    t = 0
    for i in range(n):
        try:
            t += int(i) + math.sqrt(-1 if i == n - 2 else i)
        except ValueError as e:
            print("caught", i, e)
    return t
print(caught(5000))
import sys
def tracer(frame, event, arg):
    return None
def starts_tracing(n):
    t = 0
    for i in range(n):
        if i == n // 2:
            sys.settrace(tracer)
        t += abs(i)
    sys.settrace(None)
    return t
print(starts_tracing(10000))
def mx(n):
    best = 0
    for i in range(n):
        best = max(best, i % 977)
    return best
print(mx(10000))
math.sqrt = lambda x: 1.0
print(norms(2000))
