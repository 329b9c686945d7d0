# Finalizer ordering in more situations; cycles collected by gc.collect().
import gc

class Tracer:
    log = []
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        Tracer.log.append(self.tag)
        print("finalize", self.tag)

def make_many():
    first = Tracer("first")
    second = Tracer("second")
    third = Tracer("third")
    return "done"
print(make_many())

def exception_path():
    t = Tracer("in try")
    try:
        raise ValueError("boom")
    except ValueError:
        print("handled")
    print("exiting exception_path")
exception_path()

container = {"a": Tracer("A"), "b": Tracer("B")}
del container["a"]
print("removed a")
container.clear()
print("cleared")

collected = []
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        collected.append(self.name)

n1 = Node("n1")
n2 = Node("n2")
n1.other = n2
n2.other = n1
del n1, n2
print("cycle unreachable, not yet freed")
print(collected)
gc.collect()
print("after gc.collect()", sorted(collected))

lst = [Tracer(i) for i in range(3)]
lst[1] = None
print("replaced index 1")
lst = lst[:1]
print("sliced")
del lst
print("deleted list")

w = Tracer("with-var")
w = Tracer("rebound")
print("rebound w")
del w
print(Tracer.log)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
