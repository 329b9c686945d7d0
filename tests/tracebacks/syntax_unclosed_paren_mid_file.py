# A syntax error is reported with its location and exit status 1.
print("never printed")
def f(:
    pass
