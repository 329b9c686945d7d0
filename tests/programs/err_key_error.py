# Uncaught KeyError with a tuple key.
inventory = {("apple", "red"): 3, ("pear", "green"): 5}
for key in [("apple", "red"), ("pear", "green")]:
    print(key, inventory[key])
print(inventory[("plum", "purple")])
