# Recursion: classic algorithms, mutual recursion, catching RecursionError.
import sys

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, x in enumerate(items):
        for p in permutations(items[:i] + items[i + 1:]):
            out.append([x] + p)
    return out

def flatten_depth(x, depth=0):
    if not isinstance(x, list):
        return [(x, depth)]
    r = []
    for y in x:
        r.extend(flatten_depth(y, depth + 1))
    return r

print(fact(30))
print(ackermann(2, 3))
print(hanoi(3, "A", "C", "B", []))
print(len(hanoi(10, "A", "C", "B", [])))
print(is_even(100), is_odd(77), is_even(7))
print(["".join(p) for p in permutations(list("abc"))])
print(flatten_depth([1, [2, [3]], 4]))

def binary_search(arr, target, lo=0, hi=None):
    if hi is None:
        hi = len(arr) - 1
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == target:
        return mid
    if arr[mid] < target:
        return binary_search(arr, target, mid + 1, hi)
    return binary_search(arr, target, lo, mid - 1)

data = list(range(0, 100, 7))
print([binary_search(data, t) for t in (0, 49, 98, 50)])

print(sys.getrecursionlimit())
def unbounded(n):
    return unbounded(n + 1)
try:
    unbounded(0)
except RecursionError as e:
    print(type(e).__name__, e)

depth = 0
def measure():
    global depth
    depth += 1
    measure()
sys.setrecursionlimit(200)
try:
    measure()
except RecursionError:
    print("depth reached below limit:", 150 < depth <= 200)
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
print(fact(400) % 10**9 == 0)
