# A hot loop reads an attribute that a class inherits; the program assigns the
# class's __bases__, so the attribute comes from another base.
class A:
    size = 1


class B:
    size = 5


class C(A):
    pass


def run(obj, n):
    total = 0
    for i in range(n):
        total += obj.size
    return total


obj = C()
print(run(obj, 1000))
C.__bases__ = (B,)
print(run(obj, 1000))
