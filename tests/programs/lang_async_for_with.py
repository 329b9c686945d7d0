# async with and async for, driven by send() (no event loop).
class Awaitable:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield ("tick", self.v)
        return self.v * 2

class Ctx:
    async def __aenter__(self):
        print("enter")
        return await Awaitable(1)
    async def __aexit__(self, t, e, tb):
        print("exit", t.__name__ if t else None)
        return t is KeyError

class Counter:
    def __init__(self, n): self.n = n; self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return await Awaitable(self.i)

async def main():
    async with Ctx() as x:
        print("inside", x)
    async with Ctx():
        raise KeyError("swallowed")
    total = 0
    async for v in Counter(3):
        total += v
        if v > 4:
            break
    else:
        print("no break")
    print("total", total)
    try:
        async with Ctx():
            raise ValueError("boom")
    except ValueError as e:
        print("propagated", e)
    return "done"

coro = main()
ticks = []
try:
    while True:
        ticks.append(coro.send(None))
except StopIteration as e:
    print("result", e.value)
print(ticks)
