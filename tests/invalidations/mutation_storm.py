# A global rebound before every call of the loop that reads it: what the thrash
# policy does about it decides how often the loop is compiled again.
K = 0


def use(n):
    t = 0
    for i in range(n):
        t += K
    return t


total = 0
for round in range(12):
    K = round
    total += use(300)
print(total)
