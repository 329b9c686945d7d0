# PEP 604: `X | Y` of classes builds types.UnionType, usable in annotations and isinstance.
class Node:
    pass

def f(x: int | None = None, y: "str | None" = None) -> list | dict:
    return x

print(f.__annotations__["x"], f.__annotations__["return"])
u = int | str | None
print(u, type(u).__name__, u.__args__)
print(int | int, int | Node, Node | None | int)
print(isinstance(3, int | str), isinstance(3.0, int | str), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str))
try:
    int | 3
except TypeError as e:
    print(e)
try:
    3 | int
except TypeError as e:
    print(e)
