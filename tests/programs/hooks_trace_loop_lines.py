"""Line events of loops under sys.settrace: one event per round of a one-line loop
(for, while, comprehension), a `while` whose test is compiled before and after its
body, `continue`, `while ... else`, `while True` with `break`, and a generator
resumed inside `yield from`, whose jump back to the delegation reports nothing."""

import sys


def loops():
    for i in range(3): x = i
    n = 0
    while n < 2: n += 1
    total = 0
    while total < 3:
        total += 1
        if total == 2:
            continue
        x += total
    else:
        x -= 1
    k = 0
    while True:
        k += 1
        if k > 1:
            break
    z = [j for j in range(2)]
    while (w := k) < 4: k += 1
    return x + n + total + k + len(z) + w


def leaf():
    total = 0
    while True:
        got = yield total
        if got is None:
            return total
        total += got


def middle(depth):
    if depth == 0:
        result = yield from leaf()
    else:
        result = yield from middle(depth - 1)
    return result + depth


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("loops", "leaf", "middle"):
        print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer


sys.settrace(tracer)
result = loops()
g = middle(2)
next(g)
g.send(5)
sys.settrace(None)
print("result:", result, g.send(1))
