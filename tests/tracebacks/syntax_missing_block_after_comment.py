for x in y:
# c

z
