# An error raised by a built-in called from a compiled loop, uncaught: the
# traceback names the loop's line.
def bad(n):
    t = 0
    for i in range(n):
        t += abs(i)
        if i == n - 3:
            t += len(5)
    return t
bad(10000)
