# gc module: collect, enable/disable/isenabled.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
n = gc.collect()
print(isinstance(n, int), n >= 0)
gc.enable()
print(gc.isenabled())

class Cyclic:
    instances = 0
    def __init__(self):
        Cyclic.instances += 1
        self.me = self
    def __del__(self):
        Cyclic.instances -= 1

for _ in range(5):
    Cyclic()
print("alive before collect:", Cyclic.instances)
gc.collect()
print("alive after collect:", Cyclic.instances)
a = Cyclic()
gc.collect()
print("still referenced:", Cyclic.instances)
del a
gc.collect()
print("after del + collect:", Cyclic.instances)
print(type(gc.collect()).__name__)
