# The loop rebinds the global it reads, from inside its own body.
LIMIT = 100


def climb(n):
    global LIMIT
    hits = 0
    for i in range(n):
        if i > LIMIT:
            LIMIT = LIMIT * 2
            hits += 1
    return hits, LIMIT


print(climb(5000))
