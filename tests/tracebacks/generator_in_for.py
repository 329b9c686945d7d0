def gen():
    yield 1
    raise KeyError(3)
for v in gen():
    pass
