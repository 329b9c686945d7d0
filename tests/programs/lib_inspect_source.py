# inspect.getsource finds functions by their code's first line and classes by
# 3.13's __firstlineno__, then reads the block with tokenize.
import inspect


def deco(obj):
    return obj


def plain(a,
          b=2):
    """doc"""
    return a + b  # sum


@deco
class Decorated:
    """A class."""

    def method(self):
        if self:
            return [
                1,
            ]
        return None

    class Inner:
        pass


square = lambda x: x * x  # noqa: E731


def outer():
    def inner():
        return 'inner'
    return inner


print(inspect.getsource(plain), end="")
print(inspect.getsource(Decorated), end="")
print(inspect.getsource(Decorated.method), end="")
print(inspect.getsource(Decorated.Inner), end="")
print(inspect.getsource(square), end="")
print(inspect.getsource(outer()), end="")
print(inspect.getsourcelines(Decorated.method)[1], Decorated.__firstlineno__,
      Decorated.Inner.__firstlineno__)
print(inspect.getdoc(Decorated), inspect.getcomments(plain))
print(inspect.signature(plain), inspect.getfullargspec(plain).defaults)
