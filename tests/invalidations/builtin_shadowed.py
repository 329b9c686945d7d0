# A loop reads a name found in the builtins; a module global shadows it, deleting
# the global restores it, and the builtins module rebinds it.
import builtins

builtins.SCALE = 2


def scaled(n):
    t = 0
    for i in range(n):
        t += i * SCALE
    return t


print(scaled(1000))
SCALE = 10
print(scaled(1000))
del SCALE
print(scaled(1000))
builtins.SCALE = 5
print(scaled(1000))
del builtins.SCALE
