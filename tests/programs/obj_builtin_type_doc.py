# Every built-in type and its instances have a __doc__ attribute (a str or
# None), found through the type as for any class attribute.
values = ['x', 1, 1.5, None, (1,), [1], {}, b'', True, range(3),
          {1}, frozenset(), 2j, bytearray(), slice(1), ValueError('v'),
          iter([]), iter(()), iter(range(2)), enumerate([]), zip(), map(len, [])]
for v in values:
    doc = v.__doc__
    print(type(v).__name__, isinstance(doc, (str, type(None))), hasattr(v, '__doc__'))
for t in [str, int, list, dict, type, BaseException, KeyError]:
    print(t.__name__, '__doc__' in vars(t), isinstance(t.__doc__, (str, type(None))))


class Plain:
    pass


class Documented:
    """A class with a docstring."""


print(Plain.__doc__, Plain().__doc__, Documented().__doc__)


class Methods:
    @staticmethod
    def s():
        "static doc"

    @classmethod
    def k(cls):
        "class doc"

    @property
    def p(self):
        "property doc"

    def m(self):
        "method doc"


print(Methods.s.__doc__, Methods.k.__doc__, Methods.p.__doc__, Methods().m.__doc__)
print(vars(Methods)['s'].__doc__, vars(Methods)['k'].__doc__, len.__doc__ is None or isinstance(len.__doc__, str))
