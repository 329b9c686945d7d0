# CPython 3.13's "Did you mean" suggestions as the traceback module prints them
# (from the exceptions' name / obj / name_from and the traceback's frames), with
# the rules' edges: distances, case, long names, many candidates, underscores,
# the self hint and the forgotten import.
import sys
import traceback


def last_line(f):
    try:
        f()
    except BaseException as e:
        print(traceback.format_exception(e)[-1].rstrip())
        return e


class Config:
    value = 1
    _private = 2
    Mode = 3

    def __init__(self):
        self.verbose = True
        self._hidden_count = 0

    def method(self):
        return self.hidden_count

    def uses_bare_name(self):
        return verbose


class Many:
    pass


for i in range(800):
    setattr(Many, f"attr{i}", i)
Many.target = 1

c = Config()
last_line(lambda: c.valeu)
last_line(lambda: c.vlue)
last_line(lambda: c.mode)
last_line(lambda: c.MODE)
last_line(lambda: c.verbos)
last_line(lambda: c._privat)
last_line(lambda: c.privat)
last_line(lambda: c.hidden_cont)
last_line(c.method)
last_line(c.uses_bare_name)
last_line(lambda: c.xyz)
last_line(lambda: Many().targt)
last_line(lambda: sys.argvv)
last_line(lambda: [].apend)
last_line(lambda: "".uper)
last_line(lambda: getattr(c, "a_very_long_attribute_name_that_goes_on_and_on_x"))

long_global_name_for_testing_the_limits_of_matching_ab = 1
last_line(lambda: long_global_name_for_testing_the_limits_of_matching_ac)
last_line(lambda: lenn)
last_line(lambda: prnt)
last_line(lambda: Confg)


def in_function():
    first_local = 1
    second_local = 2
    return frist_local + second_local


last_line(in_function)


def forgot():
    return math.pi


last_line(forgot)


def forgot_with_match():
    maths = 1
    return math


last_line(forgot_with_match)
last_line(lambda: os)


def from_imports():
    from sys import argvv


last_line(from_imports)


def from_private():
    from sys import _getframes


last_line(from_private)


e = last_line(lambda: c.valeu)
print(str(e), "|", repr(e))
# The suggestion is computed when printing, from what the exception holds now;
# without a traceback a NameError has no frame to look in.
e.name = "verbos"
print(traceback.format_exception_only(e)[-1].rstrip())
e.name = None
print(traceback.format_exception_only(e)[-1].rstrip())
print(traceback.format_exception_only(NameError("x", name="lenn"))[-1].rstrip())
print(traceback.format_exception_only(NameError("x", name="sys"))[-1].rstrip())
print(traceback.format_exception_only(AttributeError("x", name="valeu", obj=c))[-1].rstrip())

try:
    c.valeu
except AttributeError:
    lines = traceback.format_exc().splitlines()
    print(lines[0])
    print(lines[-1])


# Where the names come from: enclosing functions' variables, generator frames,
# class bodies (caught in the frame that raised), exec'd code, slots, classes.
class WithProperty:
    value = 1

    @property
    def bare(self):
        raise AttributeError("inside")

    @property
    def relays(self):
        return self.valeu


last_line(lambda: WithProperty().bare)
last_line(lambda: WithProperty().relays)


def enclosing():
    counter = 1

    def inner():
        return countr + counter

    return inner()


last_line(enclosing)


def generator():
    itemz = 1
    yield item


last_line(lambda: list(generator()))


class Body:
    alpha = 1
    try:
        alpah
    except NameError as caught:
        print(traceback.format_exception(caught)[-1].rstrip())


last_line(lambda: exec("def f():\n    abcde = 1\n    return abcdf\nf()"))


class Slotted:
    __slots__ = ("value",)


last_line(lambda: Slotted().value)
last_line(lambda: Slotted().valeu)
last_line(lambda: super(WithProperty, WithProperty()).valeu)
last_line(lambda: WithProperty.valeu)


def method_without_self_attribute():
    class T:
        def __init__(self):
            self.items = []

        def f(self):
            return itmes

    return T().f()


last_line(method_without_self_attribute)


# Pickled, an AttributeError keeps its name; the printed suggestion needs obj.
import pickle

restored = pickle.loads(pickle.dumps(AttributeError("m", name="valeu", obj=c)))
print(restored.args, restored.name, restored.obj)
