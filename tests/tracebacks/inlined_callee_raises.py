# A leaf method inlined into a hot loop meets an instance without the attribute it
# reads: the traceback must show the method's frame, as if nothing were inlined.
class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x + 1


def run(ps):
    total = 0
    for p in ps:
        total += p.get()
    return total


ps = [P(i) for i in range(2000)]
del ps[1500].x
print(run(ps))
