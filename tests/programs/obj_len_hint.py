# list() and tuple() of an object with __len__ ask its length first, as CPython's
# length hint does: an error other than TypeError from __len__ is raised before
# any item is read, and a huge length is OverflowError (len() says the same).
class Seq:
    def __init__(self, n, log):
        self.n = n
        self.log = log

    def __len__(self):
        self.log.append("len")
        return self.n

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        self.log.append(i)
        return i * 10


log = []
print(list(Seq(3, log)), tuple(Seq(7, log)), log)

for n in [2**64, 10**30]:
    try:
        list(Seq(n, []))
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        len(Seq(n, []))
    except OverflowError as e:
        print("OverflowError:", e)

try:
    len(Seq(-(2**70), []))
except ValueError as e:
    print("ValueError:", e)


class Raising(Seq):
    def __len__(self):
        raise KeyError("no length")


try:
    list(Raising(3, []))
except KeyError as e:
    print("KeyError:", e)


class TypeErrorLen(Seq):
    def __len__(self):
        raise TypeError("ignored by the hint")


print(list(TypeErrorLen(3, [])))
