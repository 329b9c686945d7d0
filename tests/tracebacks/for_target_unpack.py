def f():
    for i, (a, b) in enumerate([1]):
        pass
f()
