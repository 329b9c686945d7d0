# A bound method answers the attributes of its function that the method type lacks
# (unittest.expectedFailure marks functions this way).
def marked(self):
    return "called"


marked.flag = "set"
marked.__unittest_expecting_failure__ = True


class C:
    m = marked

    def plain(self):
        """plain's doc"""


c = C()
print(c.m.flag, getattr(c.m, "__unittest_expecting_failure__", False))
print(getattr(c.plain, "__unittest_expecting_failure__", False))
print(c.plain.__doc__, c.plain.__name__, c.plain.__qualname__, c.plain.__module__)
print(c.m.__func__ is marked, c.m.__self__ is c, type(c.m).__name__)
print(c.m.__code__.co_name, c.m.__defaults__, c.m.__dict__ is marked.__dict__)
print(hasattr(c.m, "missing"))
try:
    c.m.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.plain.new_attr = 1
except AttributeError as e:
    print("AttributeError:", e)
print(C.m.flag)
