# random.Random as a base class: __init__ seeds through the instance's own
# seed(), extra constructor arguments and slots of a subclass, SystemRandom's
# place in the hierarchy, and the method errors.
import random


class Dice(random.Random):
    def __init__(self, seed=None, sides=6):
        super().__init__(seed)
        self.sides = sides

    def roll(self):
        return self.randint(1, self.sides)


d = Dice(5, sides=20)
print(d.sides, [d.roll() for _ in range(5)], isinstance(d, random.Random))
ref = random.Random(5)
print([ref.randint(1, 20) for _ in range(5)])


class Slotted(random.Random):
    __slots__ = ('tag',)


s = Slotted(1)
s.tag = 'x'
print(s.tag, s.random() == random.Random(1).random(), hasattr(s, '__dict__'))


class CountingSeed(random.Random):
    calls = 0

    def seed(self, a=None, version=2):
        CountingSeed.calls += 1
        super().seed(a, version)


c = CountingSeed(3)
c.seed(4)
print(CountingSeed.calls, c.random() == random.Random(4).random())
print(random.Random(2).choice([1, 2, 3]), random.Random('abc').random(), random.Random(b'xy').random())
random.seed(3)
print(random.random(), random.randrange(10), type(random.Random(2)).__name__)
print(issubclass(random.SystemRandom, random.Random), random.SystemRandom.__module__, random.Random.__module__)
for call in (lambda: random.Random.random(5), lambda: random.Random(1, 2),
             lambda: random.Random(x=1, y=2), lambda: random.Random([1])):
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
