# async def / await driven by hand with coro.send(None); no asyncio.
class Suspend:
    """Awaitable that yields a value to the driver and receives a result."""
    def __init__(self, label):
        self.label = label
    def __await__(self):
        got = yield self.label
        return f"{self.label}->{got}"

async def step(name):
    r1 = await Suspend(name + ":a")
    r2 = await Suspend(name + ":b")
    return [r1, r2]

async def main():
    print("main started")
    first = await step("one")
    print("first", first)
    second = await step("two")
    print("second", second)
    return "main result"

coro = main()
print(type(coro).__name__)
value = coro.send(None)
n = 0
try:
    while True:
        print("driver got", value)
        n += 1
        value = coro.send(n)
except StopIteration as e:
    print("coroutine returned", e.value)

def run(c):
    sent = None
    try:
        while True:
            yielded = c.send(sent)
            sent = yielded.upper() if isinstance(yielded, str) else yielded
    except StopIteration as stop:
        return stop.value

async def add(a, b):
    return a + b

async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    z = await Suspend("tick")
    return x, y, z

print(run(compute()))

async def failing():
    await Suspend("before fail")
    raise ValueError("async failure")

try:
    run(failing())
except ValueError as e:
    print(type(e).__name__, e)

async def catcher():
    try:
        await Suspend("waiting")
    except KeyError as e:
        return f"caught {e!r} inside coroutine"

c = catcher()
print(c.send(None))
try:
    c.throw(KeyError("injected"))
except StopIteration as e:
    print(e.value)

class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for i in range(self.ticks):
            yield ("sleep", i)
        return self.ticks

async def worker(name, ticks, log):
    log.append(f"{name} start")
    done = await Sleep(ticks)
    log.append(f"{name} slept {done}")
    return name

def round_robin(coros):
    log_results = {}
    queue = list(coros)
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            log_results[e.value] = True
    return list(log_results)

log = []
print(round_robin([worker("A", 2, log), worker("B", 0, log), worker("C", 1, log)]))
print(log)

async def not_awaitable():
    await 5
try:
    run(not_awaitable())
except TypeError as e:
    print(type(e).__name__, e)

cc = add(1, 1)
cc.close()
print("closed coroutine without running")
try:
    cc.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
