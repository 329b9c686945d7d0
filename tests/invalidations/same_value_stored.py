# A builtin the loop reads is shadowed by a module global bound to the same object
# (the loop still sees what it assumed), then rebound to a new value.
import builtins

builtins.RATE = 7


def apply(n):
    t = 0
    for i in range(n):
        t += RATE
    return t


print(apply(500))
RATE = builtins.RATE
print(apply(500))
RATE = 8
print(apply(500))
