# nonlocal and closures.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter(10)
print(inc(), inc(), inc(5), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())

def make_accumulators():
    total = 0
    items = []
    def add(x):
        nonlocal total
        total += x
        items.append(x)
        return total
    def report():
        return total, list(items)
    return add, report

add, report = make_accumulators()
for v in [3, 4, 5]:
    add(v)
print(report())

def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = middle()
    return r, x

print(outer())

# closures capture variables, not values
def late():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]

def early():
    fns = []
    for i in range(3):
        fns.append(lambda i=i: i)
    return [f() for f in fns]

print(late(), early())

def cell_after():
    def show():
        return value
    value = "assigned after def"
    return show()
print(cell_after())

def not_yet():
    def show():
        return value
    try:
        show()
    except NameError as e:
        print(type(e).__name__, e)
    value = 1
    return show()
print(not_yet())

def fib_memo():
    memo = {}
    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    return fib, memo

fib, memo = fib_memo()
print(fib(50), len(memo))

def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run

h = compose(lambda x: x + 1, lambda x: x * 2, abs)
print(h(-5), h(3))
print(inc.__closure__ is not None, len(inc.__closure__))
print(make_counter.__closure__)
