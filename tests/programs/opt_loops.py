# Loops the optimizer compiles (int and float arithmetic, comparisons, range loops,
# globals and builtins) and the ways they leave compiled code: loop ends, breaks,
# returns, int overflow into big ints, types that change mid-loop, unbound locals,
# errors raised inside the loop, and globals or builtins rebound while they run.
import builtins

LIMIT = 10


def squares(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def floats(n):
    x = 0.5
    i = 0
    while i < n:
        x = x * 0.999 + 1.5
        i += 1
    return x


def mixed(n):
    acc = 0
    for i in range(n):
        acc = acc + i / 3 - i // 3 + i % 5 * 2.5
    return acc


def pairs(items):
    checksum = 0
    for i, v in enumerate(items):
        checksum = (checksum * 31 + v * (i % 7 + 1)) & 0xFFFFFFFF
    return checksum


def nested(n):
    t = 0
    for i in range(n):
        for j in range(i):
            t += j - i
    return t


def grows(n):
    t = 1
    for i in range(n):
        t = t * 3 + i
    return t


def negatives(n):
    out = 0
    for i in range(-n, n):
        out += i // 7 + i % 7 - (-i) // 3
    return out


def breaks(n):
    i = 0
    while True:
        i += 1
        if i > n:
            break
    for j in range(1000):
        if j == n:
            return i + j
    return -1


def with_global(n):
    t = 0
    for i in range(n):
        t += LIMIT
    return t


def changes_type(n):
    x = 0
    for i in range(n):
        if i == n // 2:
            x = x + 0.5
        x = x + 1
    return x


def unbound(n):
    for i in range(n):
        if i == n - 1:
            del i
            return i
    return None


def late_local(n):
    for i in range(n):
        if i == n - 1:
            t = t + 1
    return t


def copies_unbound(n):
    for i in range(n):
        if i > n:
            never = 1
        if i == n - 1:
            x = never
    return x


def divides(n):
    t = 0
    for i in range(n):
        t += 100 // (n - 1 - i)
    return t


def shadowed(n):
    t = 0
    for i in range(n):
        t += abs(-i) if i % 2 else i
    return t


def comparisons(n):
    a = b = c = 0
    for i in range(n):
        x = i * 0.5
        if x < i:
            a += 1
        if x >= 3:
            b += 1
        if i != 4 and x == 2.0:
            c += 1
    return a, b, c


print(squares(5000), floats(5000), mixed(3000))
print(pairs(list(range(5000))))
print(nested(150), grows(200) % 1000003)
print(negatives(3000), breaks(700))
print(with_global(3000))
LIMIT = 0.25
print(with_global(3000))
del LIMIT
try:
    with_global(3000)
except NameError as e:
    print("NameError:", e)
print(changes_type(5000))
try:
    unbound(3000)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    late_local(3000)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    copies_unbound(3000)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    divides(3000)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(shadowed(3000))
builtins.abs = lambda v: 1
print(shadowed(3000))
del builtins.abs
try:
    shadowed(3000)
except NameError as e:
    print("NameError:", e)
print(comparisons(4000))
