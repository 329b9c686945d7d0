# multiprocessing with the fork start method: a Pool mapping a function over
# worker processes, a Process sending through a Queue, a Pipe, a Lock, an Event,
# exit codes. Only facts that do not depend on scheduling are printed.
import multiprocessing as mp
import os
import sys


def square(x):
    return x * x


def power(x, y):
    return x ** y


def describe(x):
    return (x, os.getpid() != PARENT)


def send_twice(q, n):
    q.put(("from child", n * 2))
    q.put(os.getpid() != PARENT)


def talk(conn):
    conn.send(["ping", conn.recv()])
    conn.close()


def report(lock, event, q, i):
    event.wait(30)
    with lock:
        q.put(i)


def fail():
    sys.exit(3)


def crash():
    raise ValueError("in the child")


if __name__ == "__main__":
    PARENT = os.getpid()
    ctx = mp.get_context("fork")
    print(ctx.get_start_method())
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(sorted(pool.map(describe, range(4))))
        print(pool.apply(square, (7,)))
        print(pool.apply_async(square, (8,)).get(timeout=30))
        print(list(pool.imap(square, range(5))))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(pool.starmap(power, [(2, 3), (3, 2)]))

    q = ctx.Queue()
    p = ctx.Process(target=send_twice, args=(q, 21), name="sender")
    print(p.name, p.is_alive())
    p.start()
    print(q.get(timeout=30), q.get(timeout=30))
    p.join()
    print(p.exitcode, p.is_alive())

    parent_end, child_end = ctx.Pipe()
    p = ctx.Process(target=talk, args=(child_end,))
    p.start()
    parent_end.send("pong")
    print(parent_end.recv())
    p.join()
    print(p.exitcode)

    lock, event, q = ctx.Lock(), ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=report, args=(lock, event, q, i)) for i in range(3)]
    for w in workers:
        w.start()
    print(event.is_set(), q.empty())
    event.set()
    print(sorted(q.get(timeout=30) for _ in workers))
    for w in workers:
        w.join()
    print([w.exitcode for w in workers])

    p = ctx.Process(target=fail)
    p.start()
    p.join()
    print("sys.exit(3):", p.exitcode)

    sys.stdout.flush()
    sys.stderr.flush()
    p = ctx.Process(target=crash)
    p.start()
    p.join()
    print("raised:", p.exitcode)
