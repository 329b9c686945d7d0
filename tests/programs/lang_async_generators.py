# Asynchronous generators, driven by hand (no event loop): async for, asend,
# athrow, aclose, anext(), async comprehensions, awaits passing values up to the
# driver, and the errors of each misuse.
import types


class Tick:
    """An awaitable that passes one value up to whoever drives the coroutine."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        sent = yield ("tick", self.label)
        return sent


def run(coro):
    """Drive a coroutine: answer each tick with its label doubled."""
    value = None
    while True:
        try:
            request = coro.send(value)
        except StopIteration as e:
            return e.value
        print("  driver got", request)
        value = request[1] * 2


async def counter(n):
    for i in range(n):
        got = await Tick(i)
        yield (i, got)


async def main():
    async for item in counter(3):
        print("item", item)
    print("comprehension", [x async for x in counter(2)])
    print("filtered", [x async for x in counter(4) if x[0] % 2])


run(main())


async def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    finally:
        print("echo finally", received)


async def use_echo():
    g = echo()
    print("first", await g.asend(None))
    print("second", await g.asend("a"))
    print("third", await g.asend("b"))
    await g.aclose()
    print("closed; running:", g.ag_running)
    try:
        await g.asend("c")
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")


run(use_echo())


async def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            yield f"caught {e}"


async def use_athrow():
    g = catcher()
    print(await g.__anext__())
    print(await g.athrow(ValueError("boom")))
    print(await anext(g))
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("KeyError escaped", e)
    print(await anext(g, "default after end"))


run(use_athrow())


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def use_stubborn():
    g = stubborn()
    await anext(g)
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)


run(use_stubborn())


async def raises():
    yield 1
    raise ZeroDivisionError("inside")


async def use_raises():
    g = raises()
    print(await anext(g))
    try:
        await anext(g)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        await anext(g)
    except StopAsyncIteration:
        print("then StopAsyncIteration")


run(use_raises())


async def reuse():
    g = counter(1)
    aw = g.__anext__()
    print(await aw)
    try:
        await aw
    except RuntimeError as e:
        print("RuntimeError:", e)
    await g.aclose()
    await g.aclose()
    print("aclose twice is fine")


run(reuse())

g = counter(1)
print(type(g).__name__, type(g) is types.AsyncGeneratorType)
print(g.__name__, g.__qualname__, g.ag_code.co_name, g.ag_running, g.ag_await)
print(repr(g).startswith("<async_generator object counter at 0x"))
print(hasattr(g, "__aiter__"), g.__aiter__() is g)
send, throw = g.asend(None), g.athrow(ValueError)
print(type(send).__name__, type(throw).__name__)
send.close()
throw.close()
print(counter.__code__.co_flags & 512 == 512)

import collections.abc

print(isinstance(g, collections.abc.AsyncGenerator),
      isinstance(g, collections.abc.AsyncIterator))
coro = use_raises()
print(isinstance(coro, collections.abc.AsyncGenerator),
      isinstance(coro, collections.abc.Coroutine))
coro.close()
print(types.AsyncGeneratorType.__name__, types.AsyncGeneratorType.__module__)
