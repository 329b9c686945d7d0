# `yield from` / `await` over an iterator class whose __next__ ends with
# StopIteration(value): that value is the expression's result.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration(f"lift-off from {self!r:.0}")
        self.n -= 1
        return self.n


def outer():
    result = yield from Countdown(3)
    print("result", repr(result))
    result = yield from Countdown(0)
    print("result", repr(result))
    result = yield from iter([7])
    print("result", repr(result))


print(list(outer()))


class Awaitable:
    def __await__(self):
        return Countdown(2)


async def waiter():
    return await Awaitable()


coro = waiter()
print(coro.send(None), coro.send(None))
try:
    coro.send(None)
except StopIteration as e:
    print("returned", repr(e.value))
