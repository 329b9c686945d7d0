# enumerate, zip, map, filter, reversed, iter/next.
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)))
e = enumerate(["x", "y"], start=-1)
print(next(e), next(e), next(e, "end"))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[(1, "a"), (2, "b")])))
print(dict(zip(["k1", "k2"], [1, 2])), list(zip(range(3), range(3, 6), range(6, 9))))
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names)
print(list(map(len, ["a", "bb", ""])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(str.upper, "hi")), list(map(int, ["1", "-2"])), list(map(abs, range(-2, 2))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2c3")), list(filter(lambda x: x > 2, range(6))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(x for x in [1])
except TypeError as e:
    print(type(e).__name__, e)
it = iter([10, 20])
print(next(it), next(it), next(it, None), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m), list(m))
f = filter(None, [0, 5, 0, 6])
print(next(f), next(f), next(f, "none left"))
z = zip("ab", [1, 2, 3])
print(list(z))
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(str, [])).__name__, type(filter(None, [])).__name__, type(reversed([])).__name__)
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
words = ["apple", "banana", "cherry"]
for i, (w, n) in enumerate(zip(words, map(len, words)), 1):
    print(i, w, n)
print(sorted(zip(map(len, words), words), reverse=True))
print(list(map(lambda kv: f"{kv[0]}={kv[1]}", {"a": 1, "b": 2}.items())))
print(any(map(str.isupper, "abC")), all(map(str.islower, "abC")))
