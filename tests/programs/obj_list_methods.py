# list methods.
lst = [3, 1, 4]
lst.append(1)
print(lst)
lst.extend([5, 9])
lst.extend("ab")
print(lst)
lst.insert(0, "first")
lst.insert(100, "end")
lst.insert(-1, "before end")
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
lst.remove(1)
print(lst, lst.index(1), lst.count(1), lst.index(5, 2))
try:
    lst.remove("zzz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    lst.index("zzz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)
nums = [5, 2, 8, 1]
nums.reverse()
print(nums)
c = nums.copy()
c.append(0)
print(nums, c)
c.clear()
print(c, len(c))
print([1, 2] + [3], [0] * 4, [[]] * 2, 2 * [1, 2])
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
print(list("abc"), list(range(3)), list((1, 2)), list({"k": 1}), list())
print(len([1, [2, 3]]), [1, 2, 3][-1], [1, 2] == [1, 2], [1, 2] < [1, 3], [] < [0])
print(sum([[1], [2, 3]], []), min([4, 2, 6]), max([[1, 2], [1, 3]]))
stack = []
for i in range(4):
    stack.append(i)
print(stack.pop(), stack.pop(), stack)
x = [1, 2, 3]
x += (4, 5)
x *= 2
print(x)
try:
    x + (1,)
except TypeError as e:
    print(type(e).__name__, e)
print(x.index(4), x.count(1), 5 in x, x[::3])
rec = [1, 2]
rec.append(rec)
print(rec)
print(list(enumerate(["a", "b"], start=1)), [i for i in reversed([1, 2, 3])])
e = []
e[:0] = [1]
print(e, [None] * 0, hash(tuple(e)))
try:
    hash([1])
except TypeError as ex:
    print(type(ex).__name__, ex)
