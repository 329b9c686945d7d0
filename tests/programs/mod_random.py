# random module with fixed seeds (Mersenne Twister must match CPython exactly).
import random
random.seed(12345)
print([random.random() for _ in range(5)])
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)], [random.randrange(0, 100, 5) for _ in range(5)], random.randrange(-10, -5))
items = ["a", "b", "c", "d", "e", "f"]
print([random.choice(items) for _ in range(8)])
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample(items, 3))
print(round(random.uniform(1, 10), 12), round(random.uniform(-1, 1), 12))
print([round(random.gauss(0, 1), 12) for _ in range(4)])
print(random.randrange(10 ** 20), random.randint(-10 ** 12, 10 ** 12))
random.seed(0)
a = [random.random() for _ in range(3)]
random.seed(0)
b = [random.random() for _ in range(3)]
print(a == b, a)
random.seed(2 ** 100)
print(random.random(), random.randint(0, 10 ** 30))
random.seed(-7)
print(random.random())
random.seed(42)
print(random.choice("xyz"), random.randrange(1000), random.random())
r = random.Random(42)
r.choice("xyz"), r.randrange(1000), r.random()
print([random.random() for _ in range(2)] == [r.random() for _ in range(2)])
try:
    random.choice([])
except IndexError as e:
    print(type(e).__name__, e)
try:
    random.randint(5, 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print(type(e).__name__, e)
random.seed(99)
print([random.choice(range(10)) for _ in range(5)], random.sample("abcdefgh", 8))
print(sorted(random.sample(range(1000), 10)))
