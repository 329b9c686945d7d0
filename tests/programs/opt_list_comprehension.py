# List comprehensions in hot loops: the comprehension's appends run in the unit
# (nested, filtered, and one whose items are strings), and the results are the
# interpreter's.
def squares(n):
    total = 0
    for k in range(300):
        xs = [i * i + k for i in range(n)]
        total += len(xs) + xs[-1]
    return total


def nested(n):
    return [[i + j for j in range(n)] for i in range(n)]


def filtered(data):
    out = []
    for _ in range(300):
        out = [x for x in data if x % 3]
    return len(out), out[:5]


def words(n):
    return [str(i) + "!" for i in range(n)]


print(squares(50))
print(sum(map(sum, nested(40))))
print(filtered(list(range(1000))))
w = words(600)
print(len(w), w[:3], w[-1])
