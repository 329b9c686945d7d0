# asyncio's event loop on tripwire's select.epoll: coroutines, sleep, gather,
# tasks, wait_for timeouts, queues, events and locks, cancellation, TaskGroup,
# as_completed, call_soon / call_later, and work run in threads.
import asyncio


async def work(name, steps, out):
    for _ in range(steps):
        await asyncio.sleep(0)
    out.append(name)
    return name.upper()


async def producer(q):
    for i in range(5):
        await q.put(i)
    await q.put(None)


async def consumer(q):
    got = []
    while (item := await q.get()) is not None:
        got.append(item * item)
    return got


async def delayed(value, delay):
    await asyncio.sleep(delay)
    return value


async def boom():
    raise ValueError("boom")


async def basics():
    out = []
    r = await asyncio.gather(work("a", 2, out), work("b", 1, out), work("c", 0, out))
    print(r, out)
    t = asyncio.create_task(work("t", 0, out))
    print(await t, t.done(), t.result())
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.05)
    except TimeoutError as e:
        print("wait_for:", type(e).__name__)
    print(await asyncio.wait_for(delayed("in time", 0), 5))
    q = asyncio.Queue(maxsize=2)
    print(await asyncio.gather(producer(q), consumer(q)))
    print(q.empty(), q.qsize())


async def synchronisation():
    ev = asyncio.Event()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    log = []

    async def waiter(i):
        await ev.wait()
        async with sem:
            async with lock:
                log.append(i)
                await asyncio.sleep(0)

    tasks = [asyncio.create_task(waiter(i)) for i in range(4)]
    await asyncio.sleep(0)
    print("before set:", log, lock.locked())
    ev.set()
    await asyncio.gather(*tasks)
    print("after set:", sorted(log))


async def cancellation():
    log = []

    async def forever():
        try:
            await asyncio.sleep(100)
        except asyncio.CancelledError:
            log.append("cleanup ran")
            raise

    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled(), log)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom())
            tg.create_task(asyncio.sleep(1))
    except* ValueError as eg:
        print("task group:", [str(e) for e in eg.exceptions])
    results = await asyncio.gather(boom(), asyncio.sleep(0, "x"), return_exceptions=True)
    print([type(r).__name__ if isinstance(r, Exception) else r for r in results])
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout context expired")
    inner = asyncio.create_task(delayed("shielded", 0.01))
    print(await asyncio.shield(inner))


async def scheduling():
    loop = asyncio.get_running_loop()
    print([await f for f in asyncio.as_completed(
        [delayed(1, 0.3), delayed(2, 0.1), delayed(3, 0.2)])])
    fut = loop.create_future()
    order = []
    loop.call_later(0.01, order.append, "later")
    loop.call_soon(order.append, "soon")
    loop.call_later(0.1, fut.set_result, "future done")
    print(await fut, order)
    done, pending = await asyncio.wait(
        [asyncio.create_task(delayed("a", 0)), asyncio.create_task(delayed("b", 10))],
        timeout=0.05)
    print(len(done), len(pending), [t.result() for t in done])
    for t in pending:
        t.cancel()
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    print(await asyncio.to_thread(pow, 2, 10))


async def main():
    await basics()
    await synchronisation()
    await cancellation()
    await scheduling()
    return "main returned"


print(asyncio.run(main()))
print(asyncio.run(delayed("second run", 0)))

# What the loop needs of sys and time.
import sys
import time

print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print(type(e).__name__, e)
sys.set_asyncgen_hooks(finalizer=print)
print(sys.get_asyncgen_hooks().finalizer is print, sys.get_asyncgen_hooks()[0])
sys.set_asyncgen_hooks(None, None)
print(sys.is_finalizing())
for clock in ("time", "monotonic", "perf_counter", "process_time"):
    print(time.get_clock_info(clock))
try:
    time.get_clock_info("sundial")
except ValueError as e:
    print(type(e).__name__, e)
