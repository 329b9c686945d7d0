# A deque grown past the address-space limit raises MemoryError (items added
# before stay); the program goes on with it.
from collections import deque
from itertools import repeat

d = deque()
try:
    d.extend(repeat(None, 10**10))
except MemoryError:
    pass
print(len(d) > 10**7, d[0], d[-1])
d.clear()
print(len(d), "the program goes on")
