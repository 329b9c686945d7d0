# match statements: literal, capture, sequence, mapping, class, or and guard patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(v):
    match v:
        case 0 | 1:
            return "small int"
        case True:
            return "true"
        case None:
            return "none"
        case [x]:
            return f"one item {x}"
        case [1, *rest]:
            return f"starts with 1, rest {rest}"
        case [a, b, *_, z]:
            return f"long {a} {b} .. {z}"
        case {"kind": "circle", "r": r, **others}:
            return f"circle {r} {others}"
        case {"kind": k}:
            return f"kind {k}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case str() as s if len(s) > 3:
            return f"long string {s}"
        case int(n) | float(n):
            return f"number {n}"
        case (x, y):
            return f"pair {x} {y}"
        case _:
            return "other"

for v in [0, 1, True, None, [5], [1, 2, 3], [7, 8, 9, 10], {"kind": "circle", "r": 2, "c": 3},
          {"kind": "sq"}, Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), "hello", "hi",
          42, 2.5, (1, 2), {1, 2}]:
    print(describe(v))
match 5:
    case x:
        print("bound", x)
try:
    match 1:
        case Point():
            pass
        case len():
            pass
except TypeError as e:
    print(e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print(e)
