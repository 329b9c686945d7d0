# doctest.testmod() on a module of our own: passing examples, failing ones (a wrong
# value, an unexpected exception, a wrong exception), option flags, and the report
# and summary CPython prints; then a verbose run and run_docstring_examples.
import doctest


def square(n):
    """Return n squared.

    >>> square(3)
    9
    >>> [square(i) for i in range(4)]
    [0, 1, 4, 9]
    >>> square(-2)
    4
    >>> x = square(5)
    >>> x
    25
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
    >>> fails_loudly()  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: something else
    """
    raise ValueError("no")


def surprises():
    """
    >>> {}["key"]
    1
    >>> int("x")
    Traceback (most recent call last):
    TypeError: wrong type
    """


def layout():
    """
    >>> print("a\\n\\nb")
    a
    <BLANKLINE>
    b
    >>> list(range(20))  # doctest: +NORMALIZE_WHITESPACE
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
     10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    >>> print(list(range(30)))
    [0, 1, ..., 29]
    >>> for i in range(2):
    ...     print(i)
    0
    1
    >>> None
    >>> 'text'
    'text'
    >>> _
    'text'
    """


class Counter:
    """A counter.

    >>> c = Counter()
    >>> c.bump(); c.bump()
    1
    2
    """

    def __init__(self):
        self.n = 0

    def bump(self):
        """
        >>> Counter().bump()
        1
        """
        self.n += 1
        print(self.n) if self.n > 1 else None
        return self.n if self.n == 1 else None


import contextlib
import io
import os
import re

here = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clean(text):
    """The report names this file and doctest.py by their paths: keep the names
    (and no line number of doctest.py, which its patch releases move)."""
    text = re.sub(r'File "[^"]*/doctest.py", line \d+', 'File "doctest.py", line N', text)
    return text.replace(here, "")


report = io.StringIO()
with contextlib.redirect_stdout(report):
    results = doctest.testmod(optionflags=doctest.ELLIPSIS)
print(clean(report.getvalue()), end="")
print(results)

verbose = io.StringIO()
with contextlib.redirect_stdout(verbose):
    print(doctest.testmod(verbose=True, report=True, optionflags=doctest.ELLIPSIS))
print(clean(verbose.getvalue()).splitlines()[-12:])


def standalone():
    """
    >>> 1 + 1
    3
    """


out = io.StringIO()
with contextlib.redirect_stdout(out):
    doctest.run_docstring_examples(standalone, {}, name="standalone")
print(clean(out.getvalue()), end="")
parser = doctest.DocTestParser()
examples = parser.get_examples(square.__doc__)
print([(e.source, e.want, e.lineno) for e in examples])
