# Attribute sites of hot loops meeting receivers of several classes: each site
# holds up to four classes (instance dicts, __slots__, methods, class attributes
# read through a class), a fifth leaves the unit, and a change to one of the
# classes mid-loop empties the site, which fills again for what the class holds
# now.


class Circle:
    kind = "circle"

    def __init__(self, r):
        self.size = r

    def area(self):
        return 3 * self.size * self.size


class Square:
    kind = "square"

    def __init__(self, s):
        self.size = s

    def area(self):
        return self.size * self.size


class Slotted:
    __slots__ = ("size",)
    kind = "slotted"

    def __init__(self, s):
        self.size = s

    def area(self):
        return 2 * self.size


class Triangle(Square):
    kind = "triangle"

    def area(self):
        return self.size * self.size // 2


class Hexagon(Circle):
    kind = "hexagon"

    def area(self):
        return 6 * self.size


def mixed(shapes, rounds):
    total = 0
    kinds = {}
    for r in range(rounds):
        for s in shapes:
            total += s.size + s.area()
            kinds[s.kind] = kinds.get(s.kind, 0) + 1
            s.size = s.size + 1
            s.size = s.size - 1
    return total, sorted(kinds.items())


four = [Circle(1), Square(2), Slotted(3), Triangle(4)]
print(mixed(four, 800))
five = four + [Hexagon(5)]
print(mixed(five, 800))


def changing(shapes, rounds):
    total = 0
    for r in range(rounds):
        if r == rounds // 2:
            Square.area = lambda self: -1
            Slotted.kind = "changed"
        for s in shapes:
            total += s.area() + len(s.kind)
    return total


print(changing([Circle(1), Square(2), Slotted(3)], 1000))


def shadowed(rounds):
    a, b = Circle(2), Circle(3)
    b.area = lambda: 100
    total = 0
    for r in range(rounds):
        for s in (a, b, Square(1)):
            total += s.area()
    return total


print(shadowed(1000))


def class_reads(rounds):
    total = 0
    classes = [Circle, Square, Slotted, Triangle]
    for r in range(rounds):
        for c in classes:
            total += len(c.kind)
        if r == rounds - 10:
            Triangle.kind = "tri"
    return total


print(class_reads(1000))
