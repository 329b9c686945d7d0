# Class calls inlined into hot loops: the instance made by the unit and the
# class's __init__ inlined, kept true by type watchers (an __init__ replaced, a
# __new__ added, the class rebound), with exits inside the inlined __init__
# rebuilding its frame (the caller still gets the instance) and every error
# where CPython raises it.
import traceback


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


class Point3(Point):
    pass


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a
        self.b = a * 2


def make(n):
    total = 0
    for i in range(n):
        p = Point(i, 1)
        q = Point(i)
        r = Point3(i, 2)
        s = Slotted(i)
        total += p.x + p.y + q.y + r.y + s.b
    return total


def replaced_init(n):
    original = Point.__init__
    total = 0
    for i in range(n):
        if i == n // 2:
            def init(self, x, y=0):
                self.x = -x
                self.y = y
            Point.__init__ = init
        total += Point(i).x
    Point.__init__ = original
    return total


def new_added(n):
    class Tracked:
        made = 0

        def __init__(self, v):
            self.v = v

    total = 0
    for i in range(n):
        if i == n // 2:
            def new(cls, v):
                cls.made += 1
                return object.__new__(cls)
            Tracked.__new__ = new
        total += Tracked(i).v
    return total, Tracked.made


class Other:
    def __init__(self, x, y=0):
        self.x = x * 100
        self.y = y


def rebound(n):
    global Point
    original = Point
    total = 0
    for i in range(n):
        if i == n // 2:
            Point = Other
        total += Point(i).x
    Point = original
    return total


class Adder:
    def __init__(self, a, b):
        self.total = a + b


def exit_inside(n):
    out = []
    for i in range(n):
        # A bool leaves the inlined __init__ midway (its addition is the
        # interpreter's), which must still give the instance; a str raises.
        b = i if i < n - 3 else str(i)
        if i % 1000 == 7:
            b = True
        try:
            out.append(Adder(i, b).total)
        except TypeError as e:
            for frame in traceback.extract_tb(e.__traceback__):
                print(frame.name, frame.lineno, frame.line)
            print("TypeError", e)
            break
    return len(out), out[-1]


class Strict:
    def __init__(self, v):
        if v < 0:
            raise ValueError(f"negative: {v}")
        self.v = v


def raising(n):
    total = 0
    for i in range(n):
        try:
            total += Strict(n // 2 - i).v
        except ValueError as e:
            total += 1000
            if i == n - 1:
                print("ValueError", e)
    return total


class Returns:
    def __init__(self, v):
        self.v = v
        if v > 3:
            return v


def returns_value(n):
    made = 0
    for i in range(n):
        try:
            Returns(i % 5)
            made += 1
        except TypeError as e:
            if i == 4:
                print("TypeError", e)
    return made


class Meta(type):
    def __call__(cls, *args):
        return ("made by Meta", args)


class Odd(metaclass=Meta):
    def __init__(self, v):
        self.v = v


def metaclass_call(n):
    last = None
    for i in range(n):
        last = Odd(i)
    return last


print(make(20000))
print(replaced_init(20000))
print(new_added(20000))
print(rebound(20000))
print(exit_inside(20000))
print(raising(20000))
print(returns_value(20000))
print(metaclass_call(20000))
