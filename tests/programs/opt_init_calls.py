# A class whose __init__ takes keywords (the general call path) runs compiled,
# suspended at the calls it makes and leaving inlined callees on paths not taken
# before: the class call still gives the instance, and an __init__ returning a
# value still raises CPython's TypeError.
table = {1: "one", 2: "two", 150: "many"}


def describe(level):
    if level > 100:
        return table.get(level)
    return "small"


def shout(text):
    return text.upper()


class Record:
    def __init__(self, level, **extra):
        self.name = describe(level)
        self.loud = shout(self.name or "none")
        self.extra = extra


factory = Record
made = [factory(i, tag=i % 3) for i in range(60)]
print(made[-1].name, made[-1].loud, made[-1].extra)
late = factory(150, tag="late")
print(type(late).__name__, late.name, late.loud, late.extra)
print(factory(2).name)


class Returns:
    def __init__(self, value, **extra):
        self.value = describe(value)
        if value == 999:
            return "value"


maker = Returns
for i in range(60):
    maker(i)
try:
    maker(999)
except TypeError as e:
    print("TypeError", e)


def level_name(level):
    if level > 100:
        return table.get(level)
    return "small"


class Named:
    def __init__(self, level, **kw):
        self.name = level_name(level)


named = Named
for i in range(50):
    named(i)
print(named(150).name, named(2).name)
