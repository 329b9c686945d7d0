# Chained and augmented assignment.
a = b = c = [1, 2]
a.append(3)
print(a, b, c, a is c)
x = y = 5
x += 1
print(x, y)

n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n //= 5; print(n)
n %= 7; print(n)
n **= 3; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
n |= 0b1010; print(n)
n &= 0b1111; print(n)
n ^= 0b0101; print(n)
f = 7
f /= 2; print(f)

# augmented on mutable vs immutable
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
tup = (1,)
talias = tup
tup += (2,)
print(tup, talias, tup is talias)
s = "ab"
s *= 3
print(s)

# augmented on subscripts and attributes
d = {"k": 1}
d["k"] += 10
print(d)
class P:
    def __init__(self):
        self.v = 1
p = P()
p.v *= 9
print(p.v)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 5
print(grid)

# evaluation order in chained assignment: left to right targets
log = []
class Rec:
    def __setitem__(self, k, v):
        log.append((k, v))
r = Rec()
r["first"] = r["second"] = "val"
print(log)

# index evaluated before assignment
i = 0
items = [10, 20, 30]
i, items[i] = 2, 99
print(i, items)

# swap
p1, p2 = "left", "right"
p1, p2 = p2, p1
print(p1, p2)

# augmented assignment on tuple element that is list
t = ([1],)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(t)

# undefined augmented
def bad():
    try:
        zz += 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)
bad()
counter = {}
for ch in "hello world":
    counter[ch] = counter.get(ch, 0) + 1
print(counter)
