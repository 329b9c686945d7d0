# A function inlined into a hot loop has its __code__ reassigned by the loop itself
# (the running loop must take the new code at its next call), then its
# __defaults__ changed from outside.
def scale(x, k=2):
    return x * k


def triple(x, k=2):
    return x * 3


def run(n, swap_at):
    total = 0
    for i in range(n):
        total += scale(i)
        if i == swap_at:
            scale.__code__ = triple.__code__
    return total


print(run(1000, 500))
print(run(1000, -1))
scale.__defaults__ = (10,)
scale.__code__ = (lambda x, k=2: x * k).__code__
print(run(1000, -1))
