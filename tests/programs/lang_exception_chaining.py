# raise ... from ..., __cause__, __context__, __suppress_context__.
def describe(e):
    cause = e.__cause__
    ctx = e.__context__
    print(f"{type(e).__name__}({e}) cause={type(cause).__name__ if cause else None}"
          f" context={type(ctx).__name__ if ctx else None} suppress={e.__suppress_context__}")

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("bad value") from z
except ValueError as e:
    describe(e)
    print("cause is context:", e.__cause__ is e.__context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("implicit")
except RuntimeError as e:
    describe(e)
    print(repr(e.__context__))

try:
    try:
        int("q")
    except ValueError:
        raise TypeError("no context shown") from None
except TypeError as e:
    describe(e)
    print("context still recorded:", repr(e.__context__))

# chain of three
def level3():
    raise KeyError("deep")

def level2():
    try:
        level3()
    except KeyError as e:
        raise LookupError("middle") from e

def level1():
    try:
        level2()
    except LookupError as e:
        raise RuntimeError("top") from e

try:
    level1()
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(f"{type(cur).__name__}:{cur}")
        cur = cur.__cause__
    print(" <- ".join(chain))

# explicit cause assignment
err = ValueError("manual")
err.__cause__ = IndexError("assigned")
print(type(err.__cause__).__name__, err.__suppress_context__)

# raise from a class
try:
    raise ValueError("x") from KeyError
except ValueError as e:
    print(repr(e.__cause__))

# cause must be exception
try:
    raise ValueError("y") from 5
except TypeError as e:
    print(type(e).__name__, e)

# context set when raising in finally
try:
    try:
        raise OSError("first")
    finally:
        try:
            raise ValueError("second")
        except ValueError as inner:
            print("inner context:", repr(inner.__context__))
except OSError as e:
    print("outer got", repr(e), "context", e.__context__)

# with_traceback returns self
e = ValueError("tb")
print(e.with_traceback(None) is e)
# exception in except handler of different type
try:
    try:
        raise KeyError(1)
    except KeyError:
        [].pop()
except IndexError as e:
    print(type(e).__name__, e, "| ctx:", repr(e.__context__))
