# Star unpacking: a range too long to hold is OverflowError, a non-iterable is
# CPython's TypeError, an error raised while iterating is raised as it is; and
# compile() reads its optimize argument as an integer.
def gen():
    yield 1
    raise TypeError("from the generator")


for src in (
    "a, *b = range(2**70)",
    "a, *b = range(5, 2**70, 2**68)",
    "a, *b = 5",
    "a, *b = None",
    "a, *b = gen()",
    "*a, b, c = [1]",
):
    try:
        exec(src)
        print("ok", src, a, b)
    except Exception as e:
        print(type(e).__name__, e)
for level in (0.5, "2", None, True, -1, 2):
    try:
        print(level, compile("1", "f", "exec", optimize=level) is not None)
    except TypeError as e:
        print(level, "TypeError", e)


class BadIter:
    def __iter__(self):
        raise KeyError("from __iter__")


for src in ("a, b = BadIter()", "a, *b = BadIter()", "a, b = 3"):
    try:
        exec(src)
    except Exception as e:
        print(type(e).__name__, e)
