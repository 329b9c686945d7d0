counter = 0
def bump():
    global counter
    counter = counter + 1
bump()
bump()
counter = counter
del counter
limit = 10
