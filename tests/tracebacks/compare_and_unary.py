items = [3, "x"]
total = 0
for item in items:
    total += -item if item > 2 else item
