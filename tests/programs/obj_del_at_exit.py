# At exit, objects die in order while the module's functions, classes and
# constants are still there for their __del__ (this program prints at shutdown on
# purpose: that is what it tests).
PREFIX = "p"


def helper():
    return "helper"


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, PREFIX, helper(), LATE, Noisy.__name__)


a = Noisy("a")
b = Noisy("b")
_private = Noisy("_private")
LATE = "late"
several = [Noisy("in a list 1"), Noisy("in a list 2")]
d = Noisy("d")
print("end of the program")
