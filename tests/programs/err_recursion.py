# Unbounded recursion ends in RecursionError.
def f():
    return f()

print("about to recurse")
f()
