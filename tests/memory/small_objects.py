# Memory runs out in the interpreter's own small allocations (objects, their
# dicts, the cycle collector's bookkeeping), not in one request the program
# sized: it must end in MemoryError, twice, and the program goes on.
import gc


class Node:
    def __init__(self, i, prev):
        self.i = i
        self.prev = prev
        self.pad = [i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i,
                    i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i, i]


def fill(round):
    chain = None
    nodes = []
    try:
        while True:
            chain = Node(len(nodes), chain)
            nodes.append(chain)
            if len(nodes) % 10000 == 0:
                nodes.append({"k": chain, "n": [chain]})
    except MemoryError:
        pass
    enough = len(nodes) > 10000
    del chain, nodes
    gc.collect()
    print("round", round, "ran out of memory", enough)


for r in range(2):
    fill(r)
print("the program goes on:", sum(range(1000)))
