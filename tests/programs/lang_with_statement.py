# Context managers and the with statement.
class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        et = exc_type.__name__ if exc_type else None
        print(f"exit {self.name}: {et} {exc!r}" if exc else f"exit {self.name}: {et}")
        return self.suppress

with Managed("a") as m:
    print("inside", m.name)

with Managed("b", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")

try:
    with Managed("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))

with Managed("outer") as o, Managed("inner") as i:
    print("both", o.name, i.name)

try:
    with Managed("x1"), Managed("x2", suppress=True), Managed("x3"):
        raise RuntimeError("boom")
    print("x2 swallowed it")
except RuntimeError:
    print("not reached")

def early_return():
    with Managed("ret"):
        return "returned"
print(early_return())

for k in range(3):
    with Managed(f"loop{k}"):
        if k == 1:
            continue
        if k == 2:
            break
        print("body", k)

class Enter:
    def __enter__(self):
        return "value from enter"
    def __exit__(self, *a):
        return False

with Enter() as v:
    print(v)

with (Managed("p1") as p1,
      Managed("p2") as p2):
    print("parenthesized", p1.name, p2.name)

# enter raising: exit not called
class BadEnter:
    def __enter__(self):
        raise OSError("cannot enter")
    def __exit__(self, *a):
        print("should not run")

try:
    with BadEnter():
        print("no")
except OSError as e:
    print(type(e).__name__, e)

# object without __enter__
try:
    with 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)

# exit returning truthy non-bool
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return 1
with Truthy():
    1 / 0
print("truthy exit suppressed ZeroDivisionError")

# target can be a tuple/attribute
class Pair:
    def __enter__(self): return (1, 2)
    def __exit__(self, *a): pass
with Pair() as (first, second):
    print(first, second)

class Holder: pass
h = Holder()
with Pair() as h.pair:
    pass
print(h.pair)
