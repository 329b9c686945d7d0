# An exception from a greenlet's run reaches its parent's switch(): the traceback
# has the parent's frames, then the greenlet's, and nothing of the machinery.
from greenlet import greenlet, getcurrent


def child(x):
    getcurrent().parent.switch(x)
    return 1 / 0


def go():
    g = greenlet(child)
    g.switch(5)
    g.switch()


class Runner(greenlet):
    def run(self):
        go()


def main():
    Runner().switch()


main()
