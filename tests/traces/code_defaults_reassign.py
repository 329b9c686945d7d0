def area(w, h=2):
    return w * h
def double(w, h=3):
    return 2 * w * h
print(area(5))
area.__defaults__ = (10,)
print(area(5))
area.__code__ = double.__code__
print(area(5))
area.__kwdefaults__ = None
