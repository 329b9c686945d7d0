"""Chaos: draw a fractal with the chaos game, using splines as the maps.

Each of three transformations is described by a clamped cubic B-spline.  A
point (s, w) of the unit square is mapped to the spline point at parameter
s, pushed sideways along the curve's normal by an amount proportional to
w.  Repeatedly applying a randomly chosen transformation (seeded
random.Random, weighted by curve length) makes the points settle on a
fractal; they are counted on a grid.  The number of lit cells, a grid
checksum and the last point are printed.
"""

import math
import random


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Point(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Point(self.x * k, self.y * k)

    def lerp(self, o, t):
        return Point(self.x + (o.x - self.x) * t, self.y + (o.y - self.y) * t)

    def norm(self):
        return math.sqrt(self.x * self.x + self.y * self.y)


class BSpline:
    """Clamped uniform cubic B-spline evaluated with de Boor's algorithm."""

    DEGREE = 3

    def __init__(self, controls):
        if len(controls) <= self.DEGREE:
            raise ValueError("need more control points than the degree")
        self.controls = controls
        inner = len(controls) - self.DEGREE
        p = self.DEGREE
        self.knots = [0.0] * p + [i / inner for i in range(inner + 1)] + [1.0] * p

    def span(self, u):
        knots = self.knots
        p = self.DEGREE
        last = len(self.controls) - 1
        if u >= knots[last + 1]:
            return last
        lo, hi = p, last + 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if u < knots[mid]:
                hi = mid
            else:
                lo = mid
        return lo

    def __call__(self, u):
        p = self.DEGREE
        k = self.span(u)
        knots = self.knots
        d = [self.controls[j + k - p] for j in range(p + 1)]
        for r in range(1, p + 1):
            for j in range(p, r - 1, -1):
                left = knots[j + k - p]
                right = knots[j + 1 + k - r]
                denom = right - left
                alpha = 0.0 if denom == 0.0 else (u - left) / denom
                d[j] = d[j - 1].lerp(d[j], alpha)
        return d[p]

    def tangent(self, u, h=1e-4):
        a = self(max(0.0, u - h))
        b = self(min(1.0, u + h))
        diff = b - a
        n = diff.norm()
        if n == 0.0:
            return Point(1.0, 0.0)
        return diff * (1.0 / n)

    def length(self, samples=64):
        total = 0.0
        prev = self(0.0)
        for i in range(1, samples + 1):
            cur = self(i / samples)
            total += (cur - prev).norm()
            prev = cur
        return total


class ChaosGame:
    def __init__(self, splines, thickness, rng):
        self.splines = splines
        self.thickness = thickness
        self.rng = rng
        lengths = [s.length() for s in splines]
        total = sum(lengths)
        acc = 0.0
        self.cumulative = []
        for n in lengths:
            acc += n / total
            self.cumulative.append(acc)
        xs = [c.x for s in splines for c in s.controls]
        ys = [c.y for s in splines for c in s.controls]
        self.minx = min(xs)
        self.maxx = max(xs)
        self.miny = min(ys)
        self.maxy = max(ys)

    def pick(self):
        r = self.rng.random()
        for i, edge in enumerate(self.cumulative):
            if r < edge:
                return i
        return len(self.cumulative) - 1

    def to_unit(self, p):
        return ((p.x - self.minx) / (self.maxx - self.minx),
                (p.y - self.miny) / (self.maxy - self.miny))

    def transform(self, p, which):
        s, w = self.to_unit(p)
        s = min(1.0, max(0.0, s))
        w = min(1.0, max(0.0, w))
        spline = self.splines[which]
        base = spline(s)
        t = spline.tangent(s)
        normal = Point(-t.y, t.x)
        offset = (w - 0.5) * self.thickness
        return base + normal * offset

    def run(self, iterations, width, height):
        grid = [[0] * width for _ in range(height)]
        p = Point(self.rng.uniform(self.minx, self.maxx),
                  self.rng.uniform(self.miny, self.maxy))
        for step in range(iterations):
            p = self.transform(p, self.pick())
            if step < 20:
                continue  # let the point settle on the attractor first
            ux, uy = self.to_unit(p)
            col = int(ux * (width - 1))
            row = int(uy * (height - 1))
            if 0 <= col < width and 0 <= row < height:
                grid[row][col] += 1
        return grid, p


def make_splines():
    curves = [
        [(0.0, 0.05), (0.15, 0.25), (0.3, 0.3), (0.45, 0.2), (0.55, 0.0)],
        [(0.2, 0.45), (0.3, 0.7), (0.45, 0.85), (0.6, 0.9), (0.75, 1.0)],
        [(0.6, 0.15), (0.85, 0.3), (1.0, 0.5), (0.9, 0.7), (0.7, 0.65)],
    ]
    return [BSpline([Point(x, y) for x, y in pts]) for pts in curves]


ITERATIONS = 80000
WIDTH = 128
HEIGHT = 96


def main():
    random.seed(1234)
    offset = random.randint(0, 1000)
    rng = random.Random(4321 + offset)
    game = ChaosGame(make_splines(), 0.3, rng)
    grid, last = game.run(ITERATIONS, WIDTH, HEIGHT)
    lit = sum(1 for row in grid for c in row if c)
    checksum = 0
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v:
                checksum = (checksum * 131 + (r * WIDTH + c) * v) % 2147483647
    busiest = max(max(row) for row in grid)
    print(f"chaos: {ITERATIONS} iterations, {lit} lit cells of {WIDTH * HEIGHT}")
    print(f"busiest cell: {busiest} checksum: {checksum}")
    print("last point: %.6f %.6f" % (last.x, last.y))


if __name__ == "__main__":
    main()
