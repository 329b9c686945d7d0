# Native recursion (comparison, repr, str, hash, isinstance over nested tuples)
# ends in a RecursionError that can be caught, in linear time, whatever the
# recursion limit, in the main thread and in other threads.
import sys
import threading
import time

started = time.time()


def attempt(label, fn, message=True):
    try:
        result = fn()
    except RecursionError as e:
        print(label, "RecursionError:", e if message else "...")
    else:
        print(label, "->", result)


# Two lists that contain each other.
a = [1]
b = [1]
a.append(b)
b.append(a)
attempt("a == b", lambda: a == b)
attempt("a < b", lambda: a < b)
attempt("a != b", lambda: a != b)
attempt("a in [b]", lambda: a in [b])
d = {}
e = {}
d[1] = e
e[1] = d
attempt("d == e", lambda: d == e)
t = []
t.append(t)
print(repr(t), t == t, str({1: t}))

sys.setrecursionlimit(10**6)


def nested(depth, wrap):
    x = wrap(())
    for _ in range(depth):
        x = wrap(x)
    return x


deep_list = nested(10**6, lambda x: [x])
other_list = nested(10**6, lambda x: [x])
attempt("repr(deep list)", lambda: len(repr(deep_list)))
attempt("str(deep list)", lambda: len(str(deep_list)))
attempt("f-string", lambda: len(f"{deep_list}"))
attempt("deep == deep", lambda: deep_list == other_list)
attempt("deep < deep", lambda: deep_list < other_list)
deep_dict = {}
for _ in range(10**5):
    deep_dict = {1: deep_dict}
attempt("repr(deep dict)", lambda: len(repr(deep_dict)))
deep_tuple = nested(10**5, lambda x: (x,))
other_tuple = nested(10**5, lambda x: (x,))
attempt("deep tuple ==", lambda: deep_tuple == other_tuple)
attempt("hash equal", lambda: hash(deep_tuple) == hash(other_tuple))
classes = int
for _ in range(10**5):
    classes = (classes,)
attempt("isinstance", lambda: isinstance(1, classes))
attempt("issubclass", lambda: issubclass(bool, classes))
# Shallow enough: these work as in CPython.
shallow = nested(5000, lambda x: [x])
print("shallow repr", len(repr(shallow)), shallow == nested(5000, lambda x: [x]))


class SelfRepr:
    def __repr__(self):
        return repr(self)


# Which of the two limits (Python frames, native levels) this reaches first, and so
# the message, differs from CPython's.
attempt("__repr__ calling repr(self)", lambda: repr(SelfRepr()), message=False)


class SelfEq:
    def __eq__(self, other):
        return [self] == [other]


attempt("__eq__ through a list", lambda: SelfEq() == SelfEq())


def in_thread():
    attempt("thread: a == b", lambda: a == b)
    attempt("thread: repr(deep list)", lambda: len(repr(deep_list)))
    print("thread: shallow repr", len(repr(shallow)))


worker = threading.Thread(target=in_thread)
worker.start()
worker.join()
print("linear time:", time.time() - started < 20)
