# Method calls of hot loops whose receivers are of several classes: each method
# the call site's cache saw is inlined behind its own guard, one after the
# other. A method replaced, its __code__ reassigned, a class not seen before,
# a method that raises in one class, and an instance attribute shadowing a
# method all leave the unit where CPython's semantics need it.
import traceback


class Shape:
    def __init__(self, size):
        self.size = size


class Circle(Shape):
    def area(self):
        return 3 * self.size * self.size

    def grow(self, by):
        self.size += by
        return self


class Square(Shape):
    def area(self):
        if self.size > 10:
            return 100
        return self.size * self.size

    def grow(self, by):
        self.size += 2 * by
        return self


class Line(Shape):
    def area(self):
        return 0

    def grow(self, by):
        if by < 0:
            raise ValueError(f"a line cannot shrink by {by}")
        self.size += by
        return self


def total_area(shapes, rounds):
    total = 0
    for r in range(rounds):
        for s in shapes:
            total += s.area()
    return total


def warm(shapes):
    # The interpreter's caches see every class before the loop is compiled.
    for s in shapes:
        s.area()
        s.grow(0)


shapes = [Circle(1), Square(2), Line(3), Square(20)]
warm(shapes)
print(total_area(shapes, 1000))


def replaced_midway(shapes, rounds):
    total = 0
    for r in range(rounds):
        if r == rounds // 2:
            Square.area = lambda self: -5
        for s in shapes:
            total += s.area()
    return total


print(replaced_midway(shapes, 1000))


def new_code_midway(shapes, rounds):
    def other(self):
        return 7

    total = 0
    for r in range(rounds):
        if r == rounds // 3:
            Circle.area.__code__ = other.__code__
        for s in shapes:
            total += s.area()
    return total


print(new_code_midway(shapes, 900))


class Triangle(Shape):
    def area(self):
        return self.size // 2


def new_class_midway(rounds):
    shapes = [Circle(1), Line(2)]
    warm(shapes)
    total = 0
    for r in range(rounds):
        if r == rounds // 2:
            shapes.append(Triangle(9))
        for s in shapes:
            total += s.area()
    return total


print(new_class_midway(1000))


def raises_in_one_class(rounds):
    shapes = [Circle(1), Square(1), Line(1)]
    warm(shapes)
    grown = 0
    try:
        for r in range(rounds):
            by = 1 if r < rounds - 1 else -1
            for s in shapes:
                grown += s.grow(by).size
    except ValueError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print("caught", e, [(f.name, f.line) for f in tb])
    return grown


print(raises_in_one_class(1000))


def shadowed(rounds):
    a, b = Circle(2), Line(3)
    warm([a, b])
    total = 0
    for r in range(rounds):
        if r == rounds // 2:
            b.area = lambda: 1000
        for s in (a, b):
            total += s.area()
    return total


print(shadowed(1000))
