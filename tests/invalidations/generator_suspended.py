# A generator's hot loop reads a global; the program rebinds the global while the
# generator is suspended, then resumes it.
SCALE = 1


def gen(n):
    total = 0
    for i in range(n):
        total += SCALE
        if i % 600 == 599:
            yield total


g = gen(2400)
print(next(g))
SCALE = 100
print(next(g))
print(list(g))
