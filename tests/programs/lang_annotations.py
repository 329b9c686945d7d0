from __future__ import annotations
# Annotations with postponed evaluation: they are stored as strings.

def area(width: float, height: float = 1.0) -> float:
    return width * height

print(area(3, 4), area(2))
print(area.__annotations__)

class Point:
    x: int
    y: int = 0
    label: UndefinedName  # never evaluated thanks to the future import

    def move(self, dx: int, dy: int) -> Point:
        return Point()

print(Point.__annotations__)
print(Point.move.__annotations__)
print(Point.y, hasattr(Point, "x"))

count: int = 5
names: list[str]
print(__annotations__)
print(count)
try:
    names
except NameError as e:
    print(type(e).__name__, e)

def no_annotations(a, b):
    return a
print(no_annotations.__annotations__)

def complex_ann(*args: int, key: str = "k", **kw: "dict[str, int]") -> None:
    pass
print(complex_ann.__annotations__)

def local_ann():
    inside: int = 3
    other: str
    return inside
print(local_ann())
