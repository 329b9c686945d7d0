# operator module.
import operator as op
from operator import itemgetter, attrgetter, methodcaller
print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5))
print(op.neg(5), op.pos(-5), op.abs(-3), op.not_(0), op.not_([1]), op.truth("x"), op.invert(5))
print(op.eq(1, 1), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.is_(None, None), op.is_not(1, None))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 3), op.rshift(16, 2), op.concat([1], [2]), op.contains("abc", "b"))
print(op.getitem([10, 20, 30], 1), op.getitem({"k": "v"}, "k"), op.getitem("hello", slice(1, 3)))
lst = [1, 2, 3]
op.setitem(lst, 0, "set")
op.delitem(lst, 1)
print(lst)
get1 = itemgetter(1)
get02 = itemgetter(0, 2)
print(get1("abc"), get02("abc"), get1({1: "one"}), itemgetter("name")({"name": "Ann"}))
rows = [("b", 2, "x"), ("a", 3, "y"), ("c", 1, "z")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)), list(map(itemgetter(2), rows)))
class P:
    def __init__(self, name, age, pet=None):
        self.name, self.age, self.pet = name, age, pet
    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"
class Pet:
    def __init__(self, kind):
        self.kind = kind
people = [P("Zed", 30, Pet("cat")), P("Amy", 25, Pet("dog")), P("Bob", 35, Pet("emu"))]
print([p.name for p in sorted(people, key=attrgetter("age"))], attrgetter("name", "age")(people[0]), attrgetter("pet.kind")(people[1]))
print(list(map(methodcaller("greet", "Hi"), people)), methodcaller("greet", "Yo", punct="?")(people[0]))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"), methodcaller("replace", "a", "o")("banana"))
try:
    itemgetter(5)([1])
except IndexError as e:
    print(type(e).__name__, e)
try:
    attrgetter("nope")(people[0])
except AttributeError as e:
    print(type(e).__name__, e)
try:
    op.truediv(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
from functools import reduce
print(reduce(op.mul, range(1, 8)), reduce(op.or_, [1, 2, 4, 8]), list(map(op.mul, [1, 2, 3], [4, 5, 6])))
print(op.itemgetter(slice(None, None, -1))("abc"), op.mul("ab", 3), op.add([1], [2]))
