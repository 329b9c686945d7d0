def deco(f):
    raise RuntimeError("deco")

@deco
def g():
    return 1
