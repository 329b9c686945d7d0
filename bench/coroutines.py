"""Coroutines: chains of async functions driven by a hand-written scheduler.

No event-loop library is used.  Each task is a coroutine that awaits a
coroutine that awaits another ... thirty levels deep; the innermost level
awaits custom awaitable objects (classes with __await__) that yield a
request up through every frame to the driver.  The driver round-robins the
tasks with coro.send(...), answers the requests, and feeds some of them an
exception with coro.throw(...) that is handled deep inside the chain.
Results of all tasks and counters of the driver are printed.
"""


class Request:
    """Awaitable that asks the driver to compute something."""

    __slots__ = ("kind", "payload")

    def __init__(self, kind, payload):
        self.kind = kind
        self.payload = payload

    def __await__(self):
        answer = yield self
        return answer


class Yield:
    """Awaitable that just gives other tasks a turn."""

    def __await__(self):
        yield None


class Retry(Exception):
    pass


async def leaf(task_id, steps):
    total = 0
    for i in range(steps):
        try:
            value = await Request("square", task_id * 7 + i)
        except Retry as exc:
            value = exc.args[0]
        total = (total + value) % 1000003
        if i % 8 == 7:
            await Yield()
    return total


async def level(task_id, depth, steps):
    if depth == 0:
        return await leaf(task_id, steps)
    inner = await level(task_id, depth - 1, steps)
    return (inner * 3 + depth) % 1000003


async def fan(task_id, depth, steps, width):
    """Await several chains one after another and combine their results."""
    acc = 0
    for k in range(width):
        acc += await level(task_id * width + k, depth, steps)
    return acc % 1000003


class Driver:
    def __init__(self):
        self.answered = 0
        self.thrown = 0
        self.switches = 0

    def answer(self, request):
        self.answered += 1
        if request.kind == "square":
            return request.payload * request.payload % 10007
        raise ValueError(request.kind)

    def run(self, coros):
        results = {}
        # Each entry: (task index, coroutine, value to send next)
        ready = [(i, c, None) for i, c in enumerate(coros)]
        while ready:
            nxt = []
            for idx, coro, value in ready:
                self.switches += 1
                try:
                    if isinstance(value, Exception):
                        req = coro.throw(value)
                    else:
                        req = coro.send(value)
                except StopIteration as stop:
                    results[idx] = stop.value
                    continue
                if req is None:
                    nxt.append((idx, coro, None))
                elif self.answered % 97 == 96:
                    self.answered += 1
                    self.thrown += 1
                    nxt.append((idx, coro, Retry(req.payload % 13)))
                else:
                    nxt.append((idx, coro, self.answer(req)))
            ready = nxt
        return [results[i] for i in range(len(coros))]


TASKS = 40
DEPTH = 30
STEPS = 200
WIDTH = 3
ROUNDS = 36


def main():
    checksum = 0
    for r in range(ROUNDS):
        driver = Driver()
        results = driver.run([fan(t + r, DEPTH, STEPS, WIDTH) for t in range(TASKS)])
        for v in results:
            checksum = (checksum * 31 + v) % 1000000007
    print(f"coroutines: {ROUNDS} rounds of {TASKS} tasks, depth {DEPTH}")
    print(f"last round results: {results[:4]} ... {results[-1]}")
    print(f"requests answered={driver.answered} thrown={driver.thrown} "
          f"switches={driver.switches} checksum={checksum}")


if __name__ == "__main__":
    main()
