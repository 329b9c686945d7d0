class Node:
    pass


def depth(n):
    return 1 + depth(n.parent) if n.parent else 1


print(depth(Node()))
