# A hot loop reads a global; the program rebinds it between calls, then deletes it.
STEP = 2


def run(n):
    total = 0
    for i in range(n):
        total += STEP
    return total


print(run(1000))
STEP = 3
print(run(1000))
STEP = 3.5
print(run(1000))
del STEP
try:
    run(1000)
except NameError as e:
    print("NameError:", e)
