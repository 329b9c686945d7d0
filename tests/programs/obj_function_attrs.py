# Function object attributes.
LIMIT = 10

def area(w, h=2, *args, scale=1, **kw):
    """Compute an area."""
    return w * h * scale

print(area.__name__, area.__qualname__, area.__doc__, area.__module__)
print(area.__defaults__, area.__kwdefaults__)
print(area.__globals__ is globals(), area.__globals__["LIMIT"])
print(area.__closure__, area.__dict__)
area.unit = "m2"
area.__dict__["version"] = 2
print(area.unit, area.version, sorted(area.__dict__))
area.__defaults__ = (5,)
print(area(3))
area.__kwdefaults__ = {"scale": 100}
print(area(1, 1))
area.__defaults__ = None
try:
    area(3)
except TypeError as e:
    print(type(e).__name__, e)

def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
print(add5(1), len(add5.__closure__), add5.__closure__[0].cell_contents)
print(add5.__code__.co_freevars, make_adder.__code__.co_cellvars)

def source_a(x):
    return f"A got {x}"

def source_b(x):
    return f"B got {x}"

source_a.__code__ = source_b.__code__
print(source_a(1), source_a.__name__)

def no_defaults(a, b):
    return a - b
print(no_defaults.__defaults__, no_defaults.__kwdefaults__)
no_defaults.__defaults__ = (1,)
print(no_defaults(10))

def renamed():
    pass
renamed.__name__ = "new_name"
renamed.__qualname__ = "Some.new_name"
print(renamed.__name__, renamed.__qualname__)
try:
    renamed.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print(callable(area), callable(5), type(area).__name__)
try:
    area.missing_attr
except AttributeError as e:
    print(type(e).__name__, e)
def doc_less():
    pass
print(doc_less.__doc__, doc_less.__annotations__)
lam = lambda q=3: q
print(lam.__defaults__, lam.__name__)
lam.__defaults__ = (7,)
print(lam())
def gen():
    yield 1
print(gen.__code__.co_name, gen.__name__)
class Holder:
    def method(self):
        return "m"
print(Holder.method.__qualname__, Holder().method.__func__ is Holder.method, Holder().method.__self__.__class__.__name__)
print(Holder().method.__name__)
