# Property getters inlined into compiled loops, and `and` / `or` / `not` as
# values: the getter found per receiver class (a subclass overriding it, a
# property replaced mid-loop, the getter's __code__ reassigned), exits inside the
# getter with its frame in the traceback, and truth tests of every kind of value.
import traceback


class Task:
    def __init__(self, held, waiting, mail):
        self.held = held
        self.waiting = waiting
        self.mail = mail

    @property
    def blocked(self):
        return self.held or (self.waiting and not self.mail)


class Idle(Task):
    pass


class Loud(Task):
    @property
    def blocked(self):
        return not self.held


def count(tasks, n):
    c = 0
    for i in range(n):
        for t in tasks:
            if t.blocked:
                c += 1
    return c


tasks = [Task(False, False, 0), Task(True, False, 0), Idle(0, 3, ""), Idle(0, 3, "x"),
         Task([], [1], None)]
print(count(tasks, 3000))
print(count(tasks + [Loud(0, 0, 0)], 3000))


def replaced(n):
    t = Task(False, True, 0)
    c = 0
    for i in range(n):
        if i == n // 2:
            Task.blocked = property(lambda self: 7)
        v = t.blocked
        c += v if v is not True else 100
    return c


original = Task.blocked
print(replaced(3000))
Task.blocked = original


def recoded(n):
    t = Task(True, False, 0)
    c = 0
    for i in range(n):
        if i == n // 2:
            Task.blocked.fget.__code__ = (lambda self: 5).__code__
        c += t.blocked
    return c


print(recoded(3000))


class Odd:
    def __init__(self, n):
        self.n = n

    def __bool__(self):
        if self.n == 1777:
            raise ValueError("no truth for 1777")
        return self.n % 2 == 1

    @property
    def half(self):
        return self.n // (self.n - 2500)


def truths(n):
    c = 0
    for i in range(n):
        o = Odd(i)
        a = o or i
        b = o and i
        c += (not o) + bool(a) + bool(b)
        c += (i and not i % 3) or 0
    return c


print(truths(1500))
try:
    truths(3000)
except ValueError as e:
    print("ValueError", e)


def halves(n):
    c = 0
    for i in range(n):
        c += Odd(i).half
    return c


try:
    halves(3000)
except ZeroDivisionError as e:
    for frame in traceback.extract_tb(e.__traceback__):
        print(frame.filename.rsplit("/", 1)[-1], frame.lineno, frame.name, frame.line,
              frame.colno, frame.end_colno)
