# Async generators under asyncio: async for over awaits of the loop, the loop's
# firstiter / finalizer hooks (shutdown_asyncgens closes an unfinished one), aclose
# in a finally, anext() with a default, aiter().
import asyncio
import sys


async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker finally", n)


async def squares(source):
    async for x in source:
        yield x * x


async def main():
    print([x async for x in squares(ticker(4, 0))])
    left = ticker(10, 0)
    print("first", await anext(left))
    print("second", await anext(left))
    # left stays unfinished: asyncio.run's shutdown_asyncgens closes it.
    it = aiter(ticker(1, 0))
    print(await anext(it), await anext(it, "done"))
    firstiter, finalizer = sys.get_asyncgen_hooks()
    print(firstiter is not None, finalizer is not None)
    try:
        aiter(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await anext(5)
    except TypeError as e:
        print("TypeError:", e)
    results = await asyncio.gather(*(collect(ticker(n, 0.001)) for n in (1, 2, 3)))
    print(results)
    print("main done")
    return left


async def collect(agen):
    return [x async for x in agen]


kept = asyncio.run(main())
print("after run", kept.ag_frame is None)
