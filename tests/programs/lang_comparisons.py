# Chained comparisons, is, in, and ordering.
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4 < 5, 3 > 2 == 2)
one = 1
print(x == 5 != 6, 1 == 1.0, one is one, one is not None)

calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2), calls)
calls.clear()
print(v(1) < v(2) < v(3), calls)

a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
print(None is None, (not None) is True)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "ell" in "hello", "" in "abc")
print(2 in {1: "a", 2: "b"}, "a" in {1: "a"}, 3 in range(0, 10, 3), 4 in range(0, 10, 3))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [3] > [2, 9], "abc" < "abd", "Z" < "a")
print([1, 2] == (1, 2), (1,) == (1,), {1, 2} == {2, 1}, {"a": 1} == {"a": 1})
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 4} > {1})
print(float("nan") == float("nan"), float("inf") > 10**300)
print(True == 1, False == 0, True + True, True > False)
for op_pair in [(1, "a"), ([1], (1,)), (None, 0)]:
    l, r = op_pair
    try:
        print(l < r)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print({1} < [1])
except TypeError as e:
    print(type(e).__name__, e)
print(1 == "1", None == False, [] == False)
print(max(3, 7) == 7 > 6 >= 6 <= 6 < 7)
nan = float("nan")
lst = [nan]
print(nan in lst, nan == lst[0])
print(1 < 2.5 < 3, -1 < -0.5, 10**20 > 1e19)
