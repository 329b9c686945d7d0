def area(r):
    maths = None
    return math.pi * r * r


try:
    print(sys.argv)
except NameError:
    print(area(2))
