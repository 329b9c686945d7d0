def compute(a, b):
    return a / b

def run():
    total = 1 + compute(
        4,
        0,
    )
    return total

run()
