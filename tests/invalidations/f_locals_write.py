# A function called from a compiled loop writes the loop's locals through
# frame.f_locals (PEP 667): the write must be seen at once, never lost.
import sys


def poke():
    sys._getframe(1).f_locals["step"] = 10


def run(n):
    step = 1
    total = 0
    for i in range(n):
        total += step
        if i == 400:
            poke()
    return total, step


print(run(1000))
