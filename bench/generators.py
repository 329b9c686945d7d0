"""Generators: deep generator pipelines, yield from and tree walks.

Three workloads exercise generator frames:
  * recursive in-order / pre-order traversal of a binary search tree with
    `yield from`, so every value is passed up through many frames;
  * a long pipeline of small generator stages (map, filter, pairwise
    windows, running sums) stacked on top of each other and consumed
    through itertools.islice/chain;
  * a coroutine-style generator driven with send(), plus close() with a
    finally block that must run.
Counts and checksums of everything produced are printed.
"""

import itertools


class Node:
    __slots__ = ("key", "left", "right")

    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


def insert(root, key):
    if root is None:
        return Node(key)
    node = root
    while True:
        if key < node.key:
            if node.left is None:
                node.left = Node(key)
                return root
            node = node.left
        else:
            if node.right is None:
                node.right = Node(key)
                return root
            node = node.right


def in_order(node):
    if node is not None:
        yield from in_order(node.left)
        yield node.key
        yield from in_order(node.right)


def pre_order_with_depth(node, depth=0):
    if node is None:
        return
    yield node.key, depth
    yield from pre_order_with_depth(node.left, depth + 1)
    yield from pre_order_with_depth(node.right, depth + 1)


def pseudo_random(seed, count):
    x = seed
    for _ in range(count):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        yield x >> 8


def build_tree(count, seed):
    root = None
    for k in pseudo_random(seed, count):
        root = insert(root, k)
    return root


# -- pipeline stages -------------------------------------------------------

def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


def mapped(func, source):
    for item in source:
        yield func(item)


def keep(pred, source):
    for item in source:
        if pred(item):
            yield item


def pairwise_sums(source):
    it = iter(source)
    try:
        prev = next(it)
    except StopIteration:
        return
    for item in it:
        yield prev + item
        prev = item


def running_total(source, modulus):
    total = 0
    for item in source:
        total = (total + item) % modulus
        yield total


def relay(source, depth):
    """Pass values through `depth` nested yield-from frames."""
    if depth == 0:
        yield from source
    else:
        yield from relay(source, depth - 1)


def build_pipeline(length):
    stage = naturals(1)
    stage = mapped(lambda n: n * n % 1009, stage)
    stage = keep(lambda n: n % 3 != 0, stage)
    stage = pairwise_sums(stage)
    stage = relay(stage, 12)
    for k in range(6):
        stage = mapped(lambda n, k=k: (n ^ k) + 1, stage)
        stage = keep(lambda n, k=k: n % 7 != k, stage)
    stage = running_total(stage, 1000003)
    return itertools.islice(stage, length)


# -- send()-driven generator --------------------------------------------------

class Cleanup:
    def __init__(self):
        self.closed = 0


def averager(log):
    count = 0
    total = 0
    average = None
    try:
        while True:
            value = yield average
            if value is None:
                continue
            count += 1
            total += value
            average = total // count
    finally:
        log.closed += 1


def drive_averagers(rounds, values):
    log = Cleanup()
    checksum = 0
    for r in range(rounds):
        gen = averager(log)
        next(gen)
        for v in values:
            checksum = (checksum + gen.send(v + r)) % 1000003
        gen.close()
    return checksum, log.closed


TREE_SIZE = 12000
PIPELINE_LENGTH = 40000
ROUNDS = 7


def main():
    tree_sum = 0
    depth_sum = 0
    sorted_ok = True
    for r in range(ROUNDS):
        root = build_tree(TREE_SIZE, 42 + r)
        prev = -1
        count = 0
        for key in in_order(root):
            if key < prev:
                sorted_ok = False
            prev = key
            tree_sum = (tree_sum + key) % 1000000007
            count += 1
        max_depth = 0
        for key, depth in pre_order_with_depth(root):
            depth_sum += depth
            if depth > max_depth:
                max_depth = depth
    print(f"generators: tree of {count} keys x{ROUNDS}, sorted={sorted_ok}, "
          f"key sum={tree_sum}, depth sum={depth_sum}, max depth={max_depth}")

    last = None
    produced = 0
    for r in range(ROUNDS):
        for last in build_pipeline(PIPELINE_LENGTH):
            produced += 1
    chained = sum(itertools.chain(build_pipeline(100), build_pipeline(50)))
    print(f"pipeline: {produced} values, last={last}, chained sum={chained}")

    checksum, closed = drive_averagers(300, list(pseudo_random(7, 200)))
    print(f"averagers: checksum={checksum}, closed={closed}")


if __name__ == "__main__":
    main()
