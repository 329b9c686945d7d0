# An exception raised by __exit__ / __aexit__ leaves the handled-exception state
# as it was before the with statement.
import sys


class RaisingExit:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("exit")


class HandlingExit:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            raise RuntimeError("inner")
        except RuntimeError:
            pass
        raise KeyError("x")


def body_raises():
    try:
        with RaisingExit():
            raise TypeError("t")
    except RuntimeError as e:
        print("in handler", repr(sys.exception()), repr(e.__context__))
    print("after", repr(sys.exception()))


body_raises()
print("module", repr(sys.exception()))
try:
    with HandlingExit():
        raise TypeError("t")
except KeyError as e:
    print("caught", repr(e), repr(e.__context__))
print("after handling exit", repr(sys.exception()))
try:
    with RaisingExit():
        pass
except RuntimeError as e:
    print("no body exception", repr(e.__context__))
print("after clean body", repr(sys.exception()))


class AsyncRaisingExit:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        raise RuntimeError("aexit")


async def use_async():
    try:
        async with AsyncRaisingExit():
            raise TypeError("t")
    except RuntimeError as e:
        print("async caught", repr(e.__context__))
    print("async after", repr(sys.exception()))


coro = use_async()
try:
    coro.send(None)
except StopIteration:
    print("coroutine done", repr(sys.exception()))
