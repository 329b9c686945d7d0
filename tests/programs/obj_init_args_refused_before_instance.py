# A class that takes no arguments refuses them before an instance exists, so no
# __del__ runs for the call that failed (a __del__ that made the same mistake
# would otherwise never stop).
class B:
    def __del__(self):
        print("del", type(self).__name__)


class C(B):
    def __init__(self, x):
        self.x = x


for cls, args in [(B, (1,)), (B, ()), (C, (2,)), (C, ())]:
    try:
        obj = cls(*args)
        print("made", cls.__name__)
        del obj
    except TypeError as e:
        print(type(e).__name__, e)
try:
    B(key=1)
except TypeError as e:
    print(type(e).__name__, e)
print("end")
