# collections.deque.
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
print(d, d.count(7), d.index(7), 7 in d, 100 in d)
d.remove(7)
d.insert(1, "ins")
print(d)
d.reverse()
print(d, list(reversed(d)))
d.clear()
print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    d.popleft()
except IndexError as e:
    print(type(e).__name__, e)
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window), window.maxlen)
window.appendleft("L")
print(window)
window.extend("xyz")
print(window)
b = deque("abcdef", maxlen=4)
print(b, b.maxlen)
print(deque(), deque(range(3)) == deque([0, 1, 2]), deque([1]) + deque([2]), deque([1, 2]) * 2)
q = deque()
for task in ["t1", "t2", "t3"]:
    q.append(task)
processed = []
while q:
    processed.append(q.popleft())
print(processed)
dd = deque([1, 2, 3, 4, 5])
dd[0] = "first"
del dd[1]
print(dd, dd.copy(), deque(dd, maxlen=2))
try:
    deque([1]).remove(9)
except ValueError as e:
    print(type(e).__name__, e)
def moving_average(seq, n):
    it = iter(seq)
    win = deque(maxlen=n)
    out = []
    for x in it:
        win.append(x)
        if len(win) == n:
            out.append(sum(win) / n)
    return out
print(moving_average([40, 30, 50, 46, 39, 44], 3))
