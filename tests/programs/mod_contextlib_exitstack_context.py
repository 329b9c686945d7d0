# ExitStack's context fix-ups survive the exception leaving __exit__ through a with statement.
from contextlib import ExitStack, suppress
def raiser():
    raise ValueError("later")
try:
    with ExitStack() as stack:
        stack.callback(raiser)
        stack.enter_context(suppress(KeyError))
        raise KeyError("first")
except ValueError as e:
    print(repr(e), repr(e.__context__))
def r1():
    raise IndexError("one")
def r2():
    raise AttributeError("two")
try:
    with ExitStack() as stack:
        stack.callback(r1)
        stack.callback(r2)
        raise TypeError("body")
except Exception as e:
    c = e
    chain = []
    while c is not None:
        chain.append(repr(c))
        c = c.__context__
    print(chain)
