# assert and del.
def check(x):
    try:
        assert x > 0, f"x must be positive, got {x}"
        return "ok"
    except AssertionError as e:
        return f"AssertionError: {e}"

print(check(5), check(-1))
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
assert True, "never"
assert 1 == 1

x = 5
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)

lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
try:
    del lst[50]
except IndexError as e:
    print(type(e).__name__, e)

d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print(type(e).__name__, e)

class Obj:
    cls_attr = 1
o = Obj()
o.attr = 10
print(vars(o))
del o.attr
print(vars(o))
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del o.cls_attr
except AttributeError as e:
    print(type(e).__name__, e)
del Obj.cls_attr
print(hasattr(Obj, "cls_attr"))

a, b, c = 1, 2, 3
del a, b
print("c" in dir(), "a" in dir(), c)

def local_del():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(local_del())

t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)

nested = [[1, 2], [3, 4]]
del nested[0][1], nested[1][0]
print(nested)
