# for-loops over ranges, lists, tuples and enumerate(), which the interpreter steps
# without calls: the same items, exhaustion and errors as the general iterator path.
import sys

cells = [3, 1, 4, 1, 5]
for p, c in enumerate(cells):
    print(p, c, end="; ")
print()

for p, c in enumerate(("a", "b"), 10):
    print(p, c)

# A count past the machine word falls back to big integers.
for p, c in enumerate("xy", sys.maxsize - 1):
    print(p, c)
for p, c in enumerate([7, 8], sys.maxsize):
    print(p, c)

# The list grows while it is enumerated.
grow = [1, 2]
for i, v in enumerate(grow):
    if i < 3:
        grow.append(v * 10)
    print(i, v, len(grow))

# The inner iterator is shared with the loop body.
it = iter(range(10))
for i, v in enumerate(it):
    skipped = next(it, None)
    print(i, v, skipped)

# An exhausted enumerate stays exhausted; so does its list iterator.
e = enumerate([1, 2])
for a, b in e:
    pass
print(list(e))
li = iter([1])
for x in li:
    pass
print(list(li))

# One target gets the pairs as tuples.
for pair in enumerate((9, 8)):
    print(pair)

# Nested targets and tuples of tuples.
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a + b)
for x, y in ((1, 2), (3, 4)):
    print(x * y)

# A pair cannot fill three targets.
try:
    for a, b, c in enumerate([1]):
        pass
except ValueError as exc:
    print("ValueError:", exc)

# Range steps: negative, empty, and near the top of the machine word.
print([i for i in range(5, 0, -2)], [i for i in range(3, 3)])
print([i - sys.maxsize for i in range(sys.maxsize - 2, sys.maxsize)])

# Under opcode tracing the loop steps through the general path.
def traced():
    total = 0
    for i, v in enumerate([5, 6]):
        total += i * v
    return total

ops = []
def tracer(frame, event, arg):
    if frame.f_code is traced.__code__:
        frame.f_trace_opcodes = True
        if event == "opcode":
            ops.append(frame.f_lasti)
    return tracer

sys.settrace(tracer)
print(traced())
sys.settrace(None)
print(len(ops) > 10)
