# __del__ runs when the last reference disappears (reference counting order).
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)

a = Res("a")
b = a
del a
print("after del a (b still refers)")
del b
print("after del b")

x = Res("x1")
x = Res("x2")
print("after rebinding x")
x = None
print("after x = None")

def scope():
    local = Res("local")
    print("leaving scope")
scope()
print("after scope()")

def returns():
    tmp = Res("returned")
    return tmp
kept = returns()
print("kept", kept.name)
del kept

items = [Res("l0"), Res("l1"), Res("l2")]
print("clearing list")
items.clear()
print("list cleared")

items = [Res("p0"), Res("p1")]
items.pop()
print("after pop (discarded result)")
del items[0]
print("after del items[0]")

d = {"k": Res("dict value")}
d["k"] = "replaced"
print("after dict replace")

class Holder:
    def __init__(self):
        self.child = Res("child")
    def __del__(self):
        print("holder del")
h = Holder()
del h
print("after holder")

Res("temporary")
print("after temporary expression")

t = (Res("t0"), Res("t1"))
del t
print("after tuple del")

def gen():
    r = Res("in generator")
    yield 1
    yield 2
g = gen()
next(g)
del g
print("after generator del")
