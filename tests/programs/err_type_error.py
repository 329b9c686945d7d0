# Uncaught TypeError from a bad call deep in a helper.
def combine(a, b):
    return a + b

def build(parts):
    result = parts[0]
    for p in parts[1:]:
        result = combine(result, p)
    return result

print(build(["a", "b", "c"]))
print(build([1, 2, 3]))
print(build([1, "two"]))
