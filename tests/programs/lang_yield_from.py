# yield from: delegation, return values, send/throw passthrough.
def inner():
    x = yield "inner-1"
    print("inner received", x)
    y = yield "inner-2"
    print("inner received", y)
    return "inner-result"

def outer():
    result = yield from inner()
    print("outer got result", result)
    yield "outer-after"
    return "outer-result"

g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)

def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x

print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))

def from_iterables():
    yield from range(3)
    yield from "ab"
    yield from (i * 10 for i in range(2))
    yield from {"k": 1}
print(list(from_iterables()))

def sub_catching():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("sub caught", e)
        yield "recovered"
    return "sub done"

def delegator():
    r = yield from sub_catching()
    yield f"delegator saw {r}"

d = delegator()
print(next(d))
print(d.throw(ValueError("passthrough")))
print(next(d))

def sub_close():
    try:
        yield 1
    finally:
        print("sub finally on close")
def deleg_close():
    try:
        yield from sub_close()
    finally:
        print("delegator finally on close")
dc = deleg_close()
next(dc)
dc.close()

def accumulate():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v

def gather(results):
    while True:
        total = yield from accumulate()
        results.append(total)

res = []
acc = gather(res)
next(acc)
for v in [1, 2, 3, None, 10, 20, None]:
    acc.send(v)
print(res)

def yf_return_none():
    yield from []
    return
print(list(yf_return_none()))

def chain_depth(n):
    if n == 0:
        yield "bottom"
        return 0
    depth = yield from chain_depth(n - 1)
    yield f"level {n}"
    return depth + 1
cd = chain_depth(4)
out = []
try:
    while True:
        out.append(next(cd))
except StopIteration as e:
    out.append(e.value)
print(out)
