# Annotations evaluated eagerly (no __future__ import).
def scale(v: int, factor: float = 2.0) -> float:
    return v * factor

print(scale(3))
ann = scale.__annotations__
for k in ann:
    print(k, ann[k].__name__)

class Config:
    debug: bool = False
    level: int
    tags: list

print({k: v.__name__ for k, v in Config.__annotations__.items()})
print(Config.debug)
try:
    Config.level
except AttributeError as e:
    print(type(e).__name__, e)

side_effects = []
def note(x):
    side_effects.append(x)
    return x

def annotated(a: note("a-ann")) -> note("ret-ann"):
    pass
print(side_effects)
print(annotated.__annotations__)
total: int = 10
print(__annotations__["total"].__name__, total)
def shape(x: "forward ref") -> "str":
    return str(x)
print(shape.__annotations__, shape(1))
