# Callees with loops inlined into hot loops: while loops (a linked list walked,
# a counter), for loops over lists and ranges, nested loops, break and continue,
# a return from inside a loop, and exits in the middle of an inlined loop (a
# value of another type, an index out of range) that rebuild the callee's frame
# inside its loop, as tracebacks show.
import traceback


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

    def append_to(self, head):
        self.next = None
        if head is None:
            return self
        node = head
        while node.next is not None:
            node = node.next
        node.next = self
        return head


def length(head):
    n = 0
    while head is not None:
        n += 1
        head = head.next
    return n


def total(xs):
    t = 0
    for x in xs:
        t += x
    return t


def first_over(xs, limit):
    for i in range(len(xs)):
        if xs[i] > limit:
            return i
    return -1


def grid_sum(n):
    s = 0
    for i in range(n):
        for j in range(n):
            if j > i:
                break
            if (i + j) % 3 == 0:
                continue
            s += i * j
    return s


def lists(rounds):
    head = None
    acc = 0
    for r in range(rounds):
        head = Node(r).append_to(head) if r % 5 else None
        acc += length(head) + total([r, r + 1]) + first_over([1, 5, r], 4)
        acc += grid_sum(r % 7)
    return acc


print(lists(3000))


def mixed_types(rounds):
    acc = 0
    data = [1, 2, 3]
    for r in range(rounds):
        if r == rounds - 100:
            data = [1, 2.5, 3]
        if r == rounds - 50:
            data = [1, "two", 3]
        try:
            acc += total(data)
        except TypeError as e:
            tb = traceback.extract_tb(e.__traceback__)
            print("caught", e, [(f.name, f.line) for f in tb])
            break
    return acc


print(mixed_types(3000))


def nth(xs, n):
    i = 0
    while i < n:
        i += 1
    return xs[i]


def out_of_range(rounds):
    acc = 0
    xs = [10, 20, 30]
    try:
        for r in range(rounds):
            acc += nth(xs, r % 3 if r < rounds - 1 else 5)
    except IndexError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print("caught", e, [(f.name, f.line) for f in tb])
    return acc


print(out_of_range(3000))
