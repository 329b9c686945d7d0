# Closing generators: a plain yield closes without running; try/finally, with and
# yield-from delegation still run their cleanup, on close() and when abandoned.


def plain():
    yield 1
    yield 2


def with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


class Manager:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.log.append(("exit", exc[0].__name__ if exc[0] else None))
        return False


def with_block(log):
    with Manager(log):
        yield 1
        yield 2


def delegating(log):
    yield from with_finally(log)


def after_handler(log):
    try:
        yield 0
    finally:
        log.append("first block done")
    yield 1


g = plain()
print(next(g), g.close())
try:
    next(g)
except StopIteration:
    print("exhausted after close")

for make in (with_finally, with_block, delegating, after_handler):
    log = []
    g = make(log)
    next(g)
    g.close()
    print(make.__name__, "close:", log)

    log = []
    print(make.__name__, "all:", all(x < 1 for x in make(log)), log)

    log = []
    g = make(log)
    next(g)
    del g
    print(make.__name__, "abandoned:", log)


def squares(n):
    for i in range(n):
        yield i * i


print(any(x > 10 for x in squares(100)), next(x for x in squares(10) if x > 20))
