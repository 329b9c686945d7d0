# Calls inlined inside inlined calls (methods calling methods, three deep) as the
# optimizer compiles them: results, an exit inside the innermost callee with every
# frame rebuilt (the traceback names all three), the innermost function's __code__
# replaced and a method monkey-patched while the loop runs, a recursive function,
# and the recursion limit reached from inside the chain.
import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def getx(self):
        return self.x

    def norm1(self):
        return abs_(self.getx()) + self.y

    def weight(self, k):
        return self.norm1() * k


def abs_(v):
    return v if v >= 0 else -v


def total(vs, rounds):
    t = 0
    for i in range(rounds):
        t += vs[i % len(vs)].weight(2)
    return t


vs = [Vec(i - 5, i) for i in range(10)]
print(total(vs, 3000))


def chain(n):
    t = 0
    for i in range(n):
        t += vs[5].weight(1)
    return t


def nest(k):
    if k == 0:
        return chain(300)
    return nest(k - 1)


limit = sys.getrecursionlimit()
sys.setrecursionlimit(60)
for k in (40, 50, 53, 54, 55, 56, 57, 58):
    try:
        print(k, nest(k))
    except RecursionError as e:
        print(k, "RecursionError:", e)
sys.setrecursionlimit(limit)


def depth_here():
    d = 0
    f = sys._getframe(1)
    while f is not None:
        d += 1
        f = f.f_back
    return d


def lowered(n, at, room):
    t = 0
    low = depth_here() + room
    lower = sys.setrecursionlimit
    for i in range(n):
        if i == at:
            # The calls after it, in the compiled loop, reach the new limit.
            lower(low)
        t += vs[5].weight(1)
    return t


for room in (4, 3, 2, 1):
    try:
        print(room, lowered(1000, 500, room))
    except RecursionError as e:
        print(room, "RecursionError:", e)
    sys.setrecursionlimit(limit)



class Bad:
    def __init__(self, y):
        self.y = y


def frames_of(tb):
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return names


def with_bad(rounds):
    t = 0
    for i in range(rounds):
        v = vs[i % 10]
        if i == rounds - 7:
            v.x = None
        try:
            t += v.weight(3)
        except TypeError as e:
            print("TypeError:", e, frames_of(e.__traceback__))
            v.x = 1
    return t


print(with_bad(2000))


def replaced(rounds):
    t = 0
    for i in range(rounds):
        if i == rounds // 2:
            abs_.__code__ = (lambda v: 100).__code__
        t += vs[3].weight(1)
    return t


print(replaced(2000))
abs_.__code__ = (lambda v: v if v >= 0 else -v).__code__


getx = Vec.getx


def patched(rounds):
    t = 0
    for i in range(rounds):
        if i == rounds // 3:
            Vec.getx = lambda self: 1000
        t += vs[4].weight(1)
    return t


print(patched(3000))
Vec.getx = getx


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def depths(rounds):
    t = 0
    for i in range(rounds):
        t += depth(i % 6)
    return t


print(depths(3000))


