# `is` / `is not` as conditions (fused with the jump) and as values, across kinds.
class Box:
    pass

a, b = Box(), Box()
items = [None, True, False, 0, 1, 2**70, "s", (), [], a, b, len, Box]
for x in items:
    for y in (None, True, a, len, x):
        same = x is y
        if x is y:
            branch = "same"
        else:
            branch = "different"
        if x is not y:
            negated = "not"
        else:
            negated = "is"
        print(type(x).__name__, type(y).__name__, same, branch, negated)

n = 0
for i in range(10):
    if i is not None and i is not True:
        n += 1
    while i is None:
        pass
five, five_f, one, zero = 5, 5.0, 1, 0
print(n, five is five_f, one is True, zero is False, None is None)
flag = True
print(flag is True, flag is not False, (not flag) is False)
print([v for v in items if v is not None and v is not a][:4])
