# A method-cache entry is the last reference to an object with a weakref: when a
# later lookup evicts it, the weakref callback runs and may look names up again.

import _weakref


class Payload:
    pass


class Holder:
    pass


payload = Payload()
Holder.attr = payload
print(Holder.attr is payload)
ref = _weakref.ref(payload, lambda r: len(Holder.__name__))
del payload
del Holder.attr
classes = [type(f"K{i}", (), {f"n{j}": j for j in range(8)}) for i in range(600)]
total = 0
for k in classes:
    for j in range(8):
        total += getattr(k, f"n{j}")
print(total)
