# doctest.testmod() on a module of our own: passing examples, a failing one, and the
# summary CPython prints.
import doctest


def square(n):
    """Return n squared.

    >>> square(3)
    9
    >>> [square(i) for i in range(4)]
    [0, 1, 4, 9]
    >>> square(-2)
    4
    """
    return n * n


def halve(n):
    """Halve n.

    >>> halve(10)
    5.0
    >>> halve(3)
    1
    """
    return n / 2


def fails_loudly():
    """
    >>> fails_loudly()
    Traceback (most recent call last):
        ...
    ValueError: no
    """
    raise ValueError("no")


import contextlib
import io
import os

report = io.StringIO()
with contextlib.redirect_stdout(report):
    results = doctest.testmod(optionflags=doctest.ELLIPSIS)
# The report names this file by its path: keep only its name.
print(report.getvalue().replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ""), end="")
print(results)
