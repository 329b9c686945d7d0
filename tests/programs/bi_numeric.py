# abs, round, divmod, pow, sum, min, max on numbers.
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True), abs(-10**30))
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 0.125, 0.375, 1234.5678, -1234.5678, 1e20, 7]:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1), round(v, -2))
print(round(12345, -2), round(12350, -2), round(12450, -2), round(-12350, -2), round(5, 2), type(round(5, 2)).__name__)
print(round(float("inf"), 2), round(float("nan"), 1))
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-1, 3), divmod(0, 7))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(-2, 3), pow(3, 4, 5), pow(10, 100, 7), pow(-7, 2, 5), pow(2, 0, 1))
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([], 5), sum([0.1, 0.2, 0.3]), sum(range(1, 11), start=-55))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"), min("b", "a", "c"), max([1, 2], [1, 3]))
print(min([], default="empty"), max([], default=None), max([3, -7, 5], key=abs), min([3, -7, 5], key=abs))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "kiwi"], key=len), max([2, 2.0]), max([2.0, 2]))
print(min([(1, "b"), (1, "a")]), max({"a": 3, "b": 1}), max({"a": 3, "b": 1}.values()), max(range(10), key=lambda x: x % 4))
try:
    min([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    max()
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    max(5)
except TypeError as e:
    print(type(e).__name__, e)
print(int(7.9), int("-12"), float("2.5"), float(3))
