# Helper module imported by mod_import_* programs (no .out file).
import math

print("helper_shapes: module body running, __name__ =", __name__)

LOAD_COUNT = 1
_private = "underscore names are skipped by star-import"

class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return math.pi * self.r ** 2

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2

def total_area(shapes):
    return sum(s.area() for s in shapes)

def whoami():
    return __name__

if __name__ == "__main__":
    print("this never prints when imported")
