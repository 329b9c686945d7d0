# The attributes CPython 3.13 sets on AttributeError, NameError and ImportError,
# that str() of them carries no suggestion, and (uncaught, at the end) the
# "Did you mean" that the printed report adds.


class Account:
    balance = 0

    def __init__(self):
        self.owner = "ann"

    def __getattr__(self, name):
        if name == "magic":
            return 42
        raise AttributeError(f"no {name} here")


class Plain:
    total = 1


def show(label, f):
    try:
        f()
    except (AttributeError, NameError, ImportError) as e:
        fields = [type(e).__name__, repr(str(e))]
        for attr in ("name", "obj", "path", "name_from"):
            if hasattr(e, attr):
                v = getattr(e, attr)
                if attr == "obj" and v is not None:
                    v = type(v).__name__
                if attr == "path" and v is not None:
                    v = "<path>"
                fields.append(f"{attr}={v!r}")
        print(label, " ".join(fields))


p = Plain()
show("instance", lambda: p.totl)
show("class", lambda: Plain.totl)
show("getattr", lambda: getattr(p, "totl"))
show("custom __getattr__", lambda: Account().balanse)
show("module", lambda: __import__("math").pii)
show("builtin type", lambda: (1).reel)
show("global", lambda: undefined_name)


def local_then_missing():
    counter = 1
    return countr


show("in function", local_then_missing)


def outer():
    def inner():
        return later
    inner()
    later = 1


show("free variable", outer)


def unbound():
    print(value)
    value = 1


show("unbound local", unbound)


def delete_global():
    global never_set
    del never_set


show("del global", delete_global)


def from_import():
    from sys import argvv


show("from import", from_import)
show("no module", lambda: __import__("no_such_module_here"))

# Constructed by hand: the keywords set the fields.
e = AttributeError("msg", name="n", obj=5)
print(e.name, e.obj, e.args)
e.name = "other"
del e.obj
print(e.name, e.obj)
print(NameError("x", name="y").name, NameError().name, AttributeError().obj)
i = ImportError("m", name="a", path="b", name_from="c")
print(i.name, i.path, i.name_from, i.msg, ImportError().name_from)
for bad in (
    lambda: AttributeError("a", name="n", obj=1, z=3),
    lambda: AttributeError("a", zz=1),
    lambda: NameError("a", obj=1),
    lambda: NameError("a", name=1, obj=2),
    lambda: ImportError("a", nope=1),
):
    try:
        bad()
    except TypeError as err:
        print("TypeError:", err)

# An AttributeError that already says what it is about keeps it.
class Relay:
    def __getattr__(self, name):
        raise AttributeError("relayed", name="inner", obj=7)


show("already set", lambda: Relay().outer)


# Setting or deleting: what CPython's generic setattr says it missed.
class Slots:
    __slots__ = ("a",)


def set_slot():
    Slots().b = 1


def delete_slot():
    del Slots().b


def delete_unset_slot():
    del Slots().a


def delete_from_dict():
    del Plain().nothing


def delete_from_module():
    import sys
    del sys.nothing_here


def set_on_object():
    object().x = 1


for f in (set_slot, delete_slot, delete_unset_slot, delete_from_dict, delete_from_module, set_on_object):
    show(f.__name__, f)
print(hasattr(p, "totl"), getattr(p, "totl", "default"))

# Copying (and pickling) keeps an AttributeError's name, not its obj.
import copy


class Derived(AttributeError):
    pass


print(AttributeError("a").__reduce__())
tagged = AttributeError("a", name="q", obj=1)
tagged.extra = 2
print(tagged.__reduce__())
clone = copy.copy(Derived("z", name="w", obj=3))
print(type(clone).__name__, clone.args, clone.name, clone.obj)
print(copy.deepcopy(NameError("n", name="m")).name)
print(BaseException.__setstate__(ValueError(), None))
try:
    BaseException.__setstate__(ValueError(), 3)
except TypeError as err:
    print("TypeError:", err)

p.totl
