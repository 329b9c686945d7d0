# Attribute loads on modules are cached per instruction under the module dict's
# version: rebinding, deleting and patching a module attribute must all be seen.
import math
import sys

me = sys.modules[__name__]


def f():
    return "f1"


def use(mod):
    return mod.f()


def name_of(mod):
    return mod.__name__, mod.__dict__ is vars(mod)


for i in range(3):
    print(use(me), name_of(me))
    me.f = lambda i=i: f"f{i + 2}"
del me.f
me.__getattr__ = lambda name: f"dynamic {name}"
print(me.f)
try:
    use(me)
except TypeError as e:
    print("TypeError:", e)
del me.__getattr__
try:
    use(me)
except AttributeError as e:
    print("AttributeError:", e)
print(math.sqrt(16), [math.floor(x / 2) for x in range(5)])
for patch in (lambda x: "patched", None):
    if patch:
        sys.modules["math"].sqrt = patch
    else:
        del math.sqrt
    try:
        print(math.sqrt(16))
    except AttributeError as e:
        print("AttributeError:", e)
