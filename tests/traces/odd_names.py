# Names with line breaks, tabs and backslashes stay on their event's one line.
def f():
    return 1


f.__qualname__ = "two\nlines\tand\\slash"


class C:
    pass


C.__qualname__ = "class\r\nname\u2028end"
C.attr = 1
f.__defaults__ = (C(),)
