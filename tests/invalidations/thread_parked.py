# Two threads run hot loops over one global; one rebinds it while the other is
# parked in the middle of its loop. The parked thread must see the new value at
# its next read.
import threading

FACTOR = 1
done = []


def reader(n):
    total = 0
    for i in range(n):
        total += FACTOR
    done.append(("reader", total >= n))


def writer():
    global FACTOR
    for i in range(1000):
        pass
    FACTOR = 2
    done.append(("writer", FACTOR))


t1 = threading.Thread(target=reader, args=(200000,))
t2 = threading.Thread(target=writer)
t1.start()
t2.start()
t1.join()
t2.join()
print(sorted(done))
print(FACTOR)


def check(n):
    total = 0
    for i in range(n):
        total += FACTOR
    return total


print(check(1000))
