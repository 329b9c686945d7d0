# random.Random instances are independent generators.
import random
r1 = random.Random(2024)
r2 = random.Random(2024)
r3 = random.Random(7)
print([r1.random() for _ in range(3)])
print([r2.random() for _ in range(3)])
print([r3.randint(1, 100) for _ in range(5)])
print(r1.random() == r2.random())
random.seed(2024)
print(random.random() == random.Random(2024).random())
sim = random.Random(1)
rolls = [sim.randint(1, 6) for _ in range(600)]
print([rolls.count(face) for face in range(1, 7)])
walk = random.Random(3)
pos = 0
path = []
for _ in range(15):
    pos += walk.choice((-1, 1))
    path.append(pos)
print(path)
cards = [f"{r}{s}" for s in "SH" for r in "A23456"]
dealer = random.Random(11)
dealer.shuffle(cards)
print(cards[:6])
g = random.Random(5)
print([round(g.gauss(100, 15), 6) for _ in range(3)])
print([round(g.uniform(0, 1), 10) for _ in range(3)])
print(g.sample(["x", "y", "z", "w"], 2), g.randrange(0, 1000, 7))
r = random.Random()
r.seed(77)
print(r.random())
r.seed(77)
print(r.random(), r.randint(1, 10))
