a = 1
else:
    pass
