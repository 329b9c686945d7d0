# A `with` statement calls __exit__ at the line and columns of its context
# expression, on the normal, exceptional and early (return / break) exits alike.
import sys
import traceback


class CM:
    def __init__(self, fail):
        self.fail = fail

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.fail:
            raise ValueError("from exit")
        return False


def normal():
    with CM(True):
        pass


def raising():
    with CM(True):
        1 / 0


def returning():
    with CM(True):
        return 5


def breaking():
    for i in range(3):
        with CM(True) as cm, \
                CM(False):
            break


for fn in (normal, raising, returning, breaking):
    try:
        fn()
    except ValueError as e:
        tb = e.__traceback__.tb_next
        print(fn.__name__, tb.tb_lineno)
        print("".join(traceback.format_tb(tb, limit=1)).replace(__file__, "FILE"), end="")

lines = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        lines.append((event, frame.f_lineno - first))
    return tracer


def traced():
    with CM(False):
        x = 1
    return x


first = traced.__code__.co_firstlineno
sys.settrace(tracer)
traced()
sys.settrace(None)
print(lines)
