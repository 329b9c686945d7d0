# Short-circuit evaluation, truthiness, conditional expressions and walrus.
trace = []
def t(label, value):
    trace.append(label)
    return value

print(t("a", 0) and t("b", 1), trace); trace.clear()
print(t("a", 2) and t("b", 3), trace); trace.clear()
print(t("a", "") or t("b", "x"), trace); trace.clear()
print(t("a", "y") or t("b", "x"), trace); trace.clear()
print(t("a", None) or t("b", 0) or t("c", []), trace); trace.clear()
print(t("a", 1) and t("b", 2) and t("c", 3), trace); trace.clear()
print(not t("a", 0), not [], not [0], trace); trace.clear()

for v in [0, 1, -1, 0.0, 0.5, "", "0", [], [0], (), {}, {"": 0}, None, set(), range(0), range(1)]:
    print(repr(v), bool(v))

def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-3, 0, 3)])
print(t("cond", True) if t("test", False) else t("alt", "else"), trace); trace.clear()

# walrus
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list of", n)
print([y for x in data if (y := x * 2) > 6])
print(y)
vals = iter([5, 3, 0, 7])
total = 0
while (nxt := next(vals)) != 0:
    total += nxt
print("total before zero", total)
print((z := 10) + z)
def f():
    if (m := 7) > 5:
        return m
print(f())
chunks = []
stream = iter(range(10))
while chunk := [x for _, x in zip(range(3), stream)]:
    chunks.append(chunk)
print(chunks)
print(1 and 2 or 3, 0 and 2 or 3, None or False, False or None)
print(any(x > 8 for x in data), all(x > 0 for x in data))
