# Uncaught ZeroDivisionError in a loop.
def average(xs):
    return sum(xs) / len(xs)

for data in ([1, 2, 3], [10], []):
    print("average", average(data))
