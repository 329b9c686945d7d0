# A hot loop reads a class attribute through instances of a subclass; the program
# changes it on the base class, from outside the loop and from inside it.
class Base:
    rate = 2


class Sub(Base):
    pass


def run(n, change_at):
    s = Sub()
    total = 0
    for i in range(n):
        total += s.rate
        if i == change_at:
            Base.rate = Base.rate + 1
    return total


print(run(1000, -1))
Base.rate = 10
print(run(1000, -1))
print(run(1000, 500))
