# A generator that swallows GeneratorExit in a loop: its finalizer reports
# "generator ignored GeneratorExit" once and does not retry (each retry would
# swallow again; after three the generator gives up).
swallowed = 0


def stubborn():
    global swallowed
    while True:
        try:
            yield 1
        except GeneratorExit:
            swallowed += 1
            if swallowed >= 3:
                return


x = stubborn()
next(x)
del x
print("after del:", swallowed)

swallowed = 0
y = stubborn()
next(y)
try:
    y.close()
except RuntimeError as e:
    print("close:", e)
print("after close:", swallowed)
del y
print("after del:", swallowed)
