# Arguments that neither __new__ nor __init__ takes are refused before an instance
# exists, so a __del__ does not run (and one that calls the class the same way does
# not call itself for ever).
class B:
    def __del__(self):
        print("del", type(self).__name__)


class A(B):
    pass


for cls, args, kwargs in [(B, (1,), {}), (A, (), {"x": 1}), (A, (1, 2), {})]:
    try:
        cls(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)


class Again:
    def __del__(self):
        print("del Again")
        Again(self)


try:
    Again(0)
except TypeError as e:
    print("TypeError:", e)
a = Again()
try:
    del a
except TypeError as e:
    print("not raised here", e)
print("made", type(A()).__name__)
print("end")
