# hash() of ints around the modulus 2**61 - 1 and of tuples, whose items are
# hashed in place (an item's __hash__ may drop other references to the tuple).
for v in [0, 1, -1, -2, 2**61 - 2, 2**61 - 1, 2**61, -(2**61 - 1), -(2**61), 2**63 - 1,
          -(2**63), 2**64, 10**30, -(10**30)]:
    print(v, hash(v))
for t in [(), (1,), (1, 2), ((1, 2), 3), (-1,), (2**61 - 1, -1), (True, 1.5, None)]:
    print(t, hash(t))

holder = []


class H:
    def __hash__(self):
        holder.clear()
        return 7


holder.append((H(), 1))
t = holder[0]
print(hash(t) == hash((7, 1)) or hash(t))
del t
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
print(len({(i % 7, i % 5) for i in range(100)}), {(1, 2): 3}[(1, 2)])
