# Slice assignment and deletion, including extended-slice errors.
lst = list(range(10))
lst[2:5] = ["a", "b", "c"]
print(lst)
lst[2:5] = []
print(lst)
lst[1:1] = ["inserted", "twice"]
print(lst)
lst[:2] = "xy"
print(lst)
lst[-2:] = [100]
print(lst)
lst[len(lst):] = [7, 8]
print(lst)
lst[::2] = [0] * len(lst[::2])
print(lst)
lst[1::3] = ("p", "q", "r")
print(lst)
try:
    lst[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    lst[::-1] = []
except ValueError as e:
    print(type(e).__name__, e)
try:
    lst[1:3] = 5
except TypeError as e:
    print(type(e).__name__, e)
nums = list(range(10))
nums[::-3] = ["A", "B", "C", "D"]
print(nums)
del nums[::3]
print(nums)
del nums[-2:]
print(nums)
nums[:] = range(4)
print(nums)
alias = nums
nums[:] = []
print(alias, nums is alias)
grow = [1, 2, 3]
grow[1:2] = [10, 20, 30, 40]
print(grow)
grow[5:100] = [99]
print(grow)
grow[-100:1] = ["start"]
print(grow)
same = [1, 2, 3]
same[:] = same
print(same)
selfins = [1, 2]
selfins[1:1] = selfins
print(selfins)
s = "text"
try:
    s[0] = "T"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[1:2] = "X"
except TypeError as e:
    print(type(e).__name__, e)
t = (1, 2, 3)
try:
    t[0:1] = (9,)
except TypeError as e:
    print(type(e).__name__, e)
arr = [0] * 6
arr[1::2] = range(3)
print(arr)
arr[::-1] = arr
print(arr)
try:
    arr[10] = 1
except IndexError as e:
    print(type(e).__name__, e)
arr[-1] = "last"
print(arr)
