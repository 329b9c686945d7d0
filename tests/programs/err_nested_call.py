# Exception raised several frames deep, passing through finally blocks.
def level4(x):
    if x > 2:
        raise ValueError(f"value too large at level 4: {x}")
    return x

def level3(x):
    try:
        return level4(x) * 2
    finally:
        print("level3 finally for", x)

def level2(x):
    return level3(x) + 1

def level1(xs):
    return [level2(x) for x in xs]

print(level1([1, 2]))
print(level1([1, 2, 3, 4]))
