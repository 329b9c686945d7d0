# An error from super().name, compiled as LOAD_SUPER_ATTR: the caret covers the whole
# super().name expression.
class A:
    def f(self):
        return 1
class B(A):
    def g(self):
        return super().nothing_here + 1
    def h(self):
        return super().f(
            1, 2)
try:
    B().h()
except TypeError as e:
    print(e)
B().g()
