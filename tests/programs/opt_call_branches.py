# Calls whose arguments hold a conditional expression: the pending call's null
# marker crosses the branch, in compiled loops and compiled functions. A function
# with a visible effect must run exactly once per call.
def side(o):
    print("side", o)
    return abs(o if o else -1)


def loop(xs):
    total = 0
    out = []
    for x in xs:
        total += len(str(x if x else 0))
        out.append(max(x if x > 2 else 2, 1))
        total += side(x if x % 2 else -x)
    return total, out


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print("add", self.v, other)
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    __radd__ = __add__

    def __repr__(self):
        return f"Num({self.v})"


print(loop(range(6)))
print(sum([1, Num(2), 3], Num(0)).v)
print([side(k if k else 7) for k in range(3)])
