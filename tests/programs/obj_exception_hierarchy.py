# The built-in exception hierarchy.
def chain(cls):
    return " > ".join(c.__name__ for c in cls.__mro__)

for cls in [ZeroDivisionError, KeyError, IndexError, ValueError, UnicodeDecodeError, TypeError,
            NameError, UnboundLocalError, AttributeError, RecursionError, StopIteration,
            GeneratorExit, KeyboardInterrupt, SystemExit, FileNotFoundError, NotImplementedError,
            OverflowError, AssertionError, ModuleNotFoundError, LookupError, RuntimeError]:
    print(chain(cls))

def trigger(kind):
    if kind == 0:
        return 1 // 0
    if kind == 1:
        return {}["k"]
    if kind == 2:
        return [][1]
    if kind == 3:
        return int("x")
    if kind == 4:
        return undefined_variable
    if kind == 5:
        return None.attr
    if kind == 6:
        raise NotImplementedError("todo")
    if kind == 7:
        import no_such_module_here
    if kind == 8:
        return float(10 ** 400)
    return "ok"

for kind in range(10):
    try:
        print("result", trigger(kind))
    except ArithmeticError as e:
        print("ArithmeticError branch:", type(e).__name__, e)
    except LookupError as e:
        print("LookupError branch:", type(e).__name__, e)
    except (NameError, AttributeError) as e:
        print("Name/Attr branch:", type(e).__name__, e)
    except RuntimeError as e:
        print("RuntimeError branch:", type(e).__name__, e)
    except ImportError as e:
        print("ImportError branch:", type(e).__name__, e, e.name)
    except Exception as e:
        print("Exception branch:", type(e).__name__, e)

try:
    raise SystemExit(5)
except Exception:
    print("not caught by Exception")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)

e = KeyError("key")
print(str(e), repr(e), e.args, str(KeyError()), str(KeyError("a", "b")))
e3 = StopIteration(42)
print(e3.value, e3.args)
e4 = SystemExit("msg")
print(e4.code, SystemExit().code, SystemExit(1, 2).code)
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(KeyError, Exception), issubclass(GeneratorExit, Exception))
print(repr(ValueError("multi", 2)), str(ValueError("multi", 2)), repr(Exception()), str(Exception(None)))
err = ValueError("mutable args")
err.args = ("changed",)
print(err, err.args)
err.custom = 5
print(err.custom)
try:
    raise ValueError
except ValueError as v:
    print(repr(v), v.__traceback__ is not None)
