import sys
from contextlib import (contextmanager, suppress, closing, nullcontext,
                        ExitStack, redirect_stdout, AbstractContextManager,
                        ContextDecorator)


def err(e):
    return f"{type(e).__name__}: {e}"


@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")


with tag("p") as t:
    print("inside", t)

@contextmanager
def guarded(label):
    print("enter", label)
    try:
        yield label
    except ValueError as e:
        print("guarded caught", err(e))
    finally:
        print("exit", label)

with guarded("a"):
    raise ValueError("boom")
print("after a")

try:
    with guarded("b"):
        raise KeyError("k")
except KeyError as e:
    print("outer caught", err(e))

@contextmanager
def reraiser():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("wrapped") from e

try:
    with reraiser():
        1 / 0
except ArithmeticError as e:
    print(err(e), "cause:", err(e.__cause__))

@contextmanager
def no_yield():
    if False:
        yield

try:
    with no_yield():
        pass
except RuntimeError as e:
    print(err(e), e.__suppress_context__)

@contextmanager
def two_yields():
    yield 1
    yield 2

try:
    with two_yields() as v:
        print("v", v)
except RuntimeError as e:
    print(err(e))

@contextmanager
def yields_after_throw():
    try:
        yield
    except Exception:
        pass
    yield

try:
    with yields_after_throw():
        raise TypeError("t")
except RuntimeError as e:
    print(err(e))

@contextmanager
def passthrough():
    yield

try:
    with passthrough():
        raise StopIteration("stop!")
except StopIteration as e:
    print("StopIteration propagated", e)

@contextmanager
def swallow_all():
    try:
        yield
    except BaseException as e:
        print("swallowed", err(e))

with swallow_all():
    raise StopIteration("again")
print("after swallow")

cm = tag("once")
with cm:
    pass
try:
    with cm:
        pass
except Exception as e:
    print(err(e))

# as a decorator
@contextmanager
def logged():
    print("start")
    yield
    print("end")

@logged()
def work(x, y=2):
    """work doc"""
    print("work", x, y)
    return x * y

print(work(3), work(4, y=5))
print(work.__name__, work.__doc__)
print(tag.__name__)

# suppress
with suppress(KeyError, IndexError):
    {}["x"]
print("suppressed KeyError")
with suppress(LookupError):
    [][1]
print("suppressed IndexError via LookupError")
try:
    with suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed", err(e))
with suppress():
    pass
print(suppress(KeyError).__enter__())

# closing
class Resource:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("closing", self.name)

with closing(Resource("r1")) as r:
    print("using", r.name)
try:
    with closing(Resource("r2")):
        raise ValueError("v")
except ValueError as e:
    print(err(e))

# nullcontext
with nullcontext() as n:
    print(n)
with nullcontext(42) as n:
    print(n)
def maybe_cm(use):
    return tag("real") if use else nullcontext("fake")
for use in (True, False):
    with maybe_cm(use) as v:
        print("got", v)

# ExitStack
with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in "xyz"]
    print(names)
    stack.callback(print, "callback", 1, sep="-")
    @stack.callback
    def cb():
        print("decorated callback")
    print(cb.__name__)

with ExitStack() as stack:
    stack.callback(print, "first registered")
    def exit_fn(*exc):
        print("exit_fn", exc[0].__name__ if exc[0] else None)
        return True
    stack.push(exit_fn)
    raise ValueError("suppressed by exit_fn")
print("after suppress stack")

with ExitStack() as stack:
    stack.callback(print, "will be moved")
    moved = stack.pop_all()
print("stack closed, moved pending")
moved.close()
moved.close()

stack = ExitStack()
stack.enter_context(tag("manual"))
stack.callback(print, "cb manual")
stack.close()

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print(err(e))

class Plain:
    pass
try:
    ExitStack().enter_context(Plain())
except TypeError as e:
    print(err(e))

# exception chaining in ExitStack
def raise_exc(exc):
    raise exc

try:
    with ExitStack() as stack:
        stack.callback(raise_exc, IndexError("inner-first"))
        stack.callback(raise_exc, KeyError("second"))
        raise ZeroDivisionError("body")
except IndexError as e:
    print(err(e))
    print(" ctx:", err(e.__context__))
    print(" ctx.ctx:", err(e.__context__.__context__))

try:
    with ExitStack() as stack:
        stack.callback(raise_exc, IndexError("only"))
except IndexError as e:
    print(err(e), e.__context__)

def suppress_exc(*exc_details):
    return True

try:
    with ExitStack() as stack:
        stack.callback(raise_exc, IndexError("later"))
        stack.push(suppress_exc)
        stack.callback(raise_exc, KeyError("early"))
        raise ZeroDivisionError("orig")
except IndexError as e:
    # CPython gives None here; only check that the suppressed KeyError
    # is not chained.
    print(err(e), isinstance(e.__context__, KeyError))

try:
    with ExitStack() as stack:
        stack.push(suppress_exc)
        stack.callback(raise_exc, KeyError("k"))
except Exception as e:
    print("should not happen", e)
else:
    print("exception suppressed by earlier push")

# exit order with nested cm exceptions
try:
    with ExitStack() as stack:
        stack.enter_context(guarded("g1"))
        stack.enter_context(guarded("g2"))
        raise ValueError("to g2")
except Exception as e:
    print("unexpected", e)
print("g2 handled")

# redirect_stdout
class Collect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass

buf = Collect()
with redirect_stdout(buf) as target:
    print("hidden", 1, 2)
    print("more")
print(target is buf, buf.parts)
print(sys.stdout is sys.__stdout__)

# AbstractContextManager / ContextDecorator
class MyCM(AbstractContextManager):
    def __exit__(self, *a):
        print("MyCM exit")

with MyCM() as m:
    print(type(m).__name__)
print(issubclass(Resource, AbstractContextManager))
print(issubclass(MyCM, AbstractContextManager))
class Duck:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return None
print(issubclass(Duck, AbstractContextManager), isinstance(Duck(), AbstractContextManager))
print(isinstance(tag("q"), AbstractContextManager), isinstance(suppress(), AbstractContextManager))
try:
    class Bad(AbstractContextManager):
        pass
    Bad()
except TypeError as e:
    print(type(e).__name__)

class mycontext(ContextDecorator):
    def __enter__(self):
        print("mycontext enter")
        return self
    def __exit__(self, *exc):
        print("mycontext exit", exc[0].__name__ if exc[0] else None)
        return False

@mycontext()
def decorated(a):
    print("decorated body", a)
    return a + 1

print(decorated(1))
@mycontext()
def failing():
    raise ValueError("from failing")
try:
    failing()
except ValueError as e:
    print(err(e))
