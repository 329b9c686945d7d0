# sorting: sort/sorted, key, reverse, stability, errors.
nums = [5, -3, 9, 0, 2, -8, 7]
print(sorted(nums), sorted(nums, reverse=True), sorted(nums, key=abs), sorted(nums, key=abs, reverse=True))
nums.sort()
print(nums)
nums.sort(key=lambda n: -n)
print(nums)
people = [("ann", 30), ("bob", 25), ("cat", 30), ("dan", 25), ("eve", 35), ("fay", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name_desc = sorted(people, key=lambda p: p[0], reverse=True)
print(sorted(by_name_desc, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}), sorted(range(5), reverse=True))
print(sorted([[2, 1], [1, 2], [1, 1, 1], [2]]))
print(sorted([1.5, 1, True, 0.5, False]))
mixed = [3, "a", 1]
try:
    mixed.sort()
except TypeError as e:
    print(type(e).__name__, e, mixed)
try:
    sorted([1, None])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
empty = []
empty.sort()
print(empty, sorted([]), sorted([42]))
class Item:
    def __init__(self, name, price):
        self.name, self.price = name, price
    def __lt__(self, other):
        return self.price < other.price
    def __repr__(self):
        return f"Item({self.name},{self.price})"
items = [Item("x", 3), Item("y", 1), Item("z", 2), Item("w", 1)]
print(sorted(items), min(items), max(items))
print(sorted(items, key=lambda i: i.name))
res = [1, 2, 3].sort()
print(res)
data = list(range(20))
data.sort(key=lambda v: v % 3)
print(data)
nan_free = [0.1, -2.5, 3.25, 1e-3]
print(sorted(nan_free))
print(sorted(["b", "a", "c"], key=None))
