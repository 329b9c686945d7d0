# atexit: registered functions run at exit, the last registered first, with their
# arguments; unregister removes every registration of a function; an exception in
# one is reported on stderr and the others still run.
import atexit


def goodbye(name, punctuation="!"):
    print(f"goodbye, {name}{punctuation}")


def never():
    print("never runs")


def fails():
    raise ValueError("from an exit function")


atexit.register(goodbye, "first")
atexit.register(never)
atexit.register(fails)
atexit.register(goodbye, "last", punctuation=".")
atexit.register(never)
atexit.unregister(never)
print(atexit.register(print) is print)
atexit.unregister(print)
print("main done")
