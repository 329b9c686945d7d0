for x in 5:
    print(x)
    print(x)
