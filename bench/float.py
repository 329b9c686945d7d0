"""Float: allocate many small objects holding float attributes.

A large batch of Point objects is built from sine/cosine values, each point
is normalised in place, and the component-wise maximum of the whole batch
is folded together.  This stresses object creation, attribute stores and
loads, float arithmetic and math.sin/cos/sqrt.  The resulting maximum point
is printed with a few digits.
"""

from math import cos, sin, sqrt


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, seed):
        self.x = x = sin(seed)
        self.y = cos(seed) * 3.0
        self.z = (x * x) / 2.0

    def __repr__(self):
        return "<Point %.6f, %.6f, %.6f>" % (self.x, self.y, self.z)

    def normalize(self):
        length = sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= length
        self.y /= length
        self.z /= length

    def absorb_max(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self


class Accumulator:
    """Running sum kept as attributes to add a bit more attribute traffic."""

    def __init__(self):
        self.sx = 0.0
        self.sy = 0.0
        self.sz = 0.0
        self.n = 0

    def add(self, p):
        self.sx += p.x
        self.sy += p.y
        self.sz += p.z
        self.n += 1

    @property
    def mean(self):
        n = self.n
        return (self.sx / n, self.sy / n, self.sz / n)


def batch(count):
    points = [Point(i) for i in range(count)]
    for p in points:
        p.normalize()
    acc = Accumulator()
    for p in points:
        acc.add(p)
    best = points[0]
    for p in points[1:]:
        best = best.absorb_max(p)
    return best, acc.mean


POINTS = 100000
ROUNDS = 12


def main():
    for _ in range(ROUNDS):
        best, mean = batch(POINTS)
    print(f"float: {ROUNDS} rounds of {POINTS} points")
    print("max:", best)
    print("mean: %.6f %.6f %.6f" % mean)


if __name__ == "__main__":
    main()
