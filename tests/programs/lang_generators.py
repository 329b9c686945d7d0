# Generator functions: yield, state, return values, StopIteration.
def countdown(n):
    print("start", n)
    while n > 0:
        yield n
        n -= 1
    print("end")
    return "finished"

g = countdown(3)
print("created")
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop value:", e.value)
try:
    next(g)
except StopIteration as e:
    print("second stop value:", e.value)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(15)])

def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v

print(list(take(5, fib())))

def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]
print(list(chunks("abcdefgh", 3)))

def pipeline():
    nums = (x for x in range(20))
    evens = (x for x in nums if x % 2 == 0)
    squared = (x * x for x in evens)
    return list(squared)
print(pipeline())

def gen_with_return_early(x):
    if x:
        return
    yield "never when x"
print(list(gen_with_return_early(True)), list(gen_with_return_early(False)))

def inspect_state():
    yield 1
g = inspect_state()
print(g.__name__, g.__qualname__, type(g).__name__)
print(list(g), list(g))

class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def walk(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.walk(depth + 1)

t = Tree("root", Tree("a", Tree("a1"), Tree("a2")), Tree("b"))
for depth, value in t.walk():
    print("  " * depth + value)

def raising_gen():
    yield 1
    raise ValueError("inside generator")
rg = raising_gen()
print(next(rg))
try:
    next(rg)
except ValueError as e:
    print(type(e).__name__, e)
try:
    next(rg)
except StopIteration:
    print("exhausted after exception")

def stop_in_gen():
    yield 1
    raise StopIteration("explicit")
try:
    list(stop_in_gen())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", type(e.__cause__).__name__)
