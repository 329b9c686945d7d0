# A hot loop calls a method; the program replaces it on the class, then shadows it
# on one instance.
class Counter:
    def step(self, x):
        return x + 1


def run(c, n):
    total = 0
    for i in range(n):
        total = c.step(total)
    return total


c = Counter()
print(run(c, 1000))
Counter.step = lambda self, x: x + 2
print(run(c, 1000))
c.step = lambda x: x + 3
print(run(c, 1000))
