# Identity tests in compiled loops: `is` / `is not` as values and as branches,
# and an operand that is an unbound local, which must raise UnboundLocalError
# where the interpreter would (the loop's unit was compiled while it was bound).

class Node:
    def __init__(self, nxt):
        self.next = nxt
        self.has_next = nxt is not None


def chain(n):
    head = None
    for _ in range(n):
        head = Node(head)
    return head


def count_flags(head):
    flags = 0
    node = head
    while node is not None:
        last = node.next is None
        same = node is node
        flags += last + same + (node.next is not None)
        node = node.next
    return flags


print(count_flags(chain(3000)))


def identity_of_unbound(k):
    n = 0
    for i in range(3000):
        if i >= k:
            y = i
        if i > 50 and y is None:
            n += 1
    return n


def value_of_unbound(k):
    n = 0
    for i in range(3000):
        if i >= k:
            y = i
        if i > 50:
            flag = y is not None
            n += flag
    return n


for f in (identity_of_unbound, value_of_unbound):
    print(f(0))
    try:
        print(f(100))
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    print(f(10))
