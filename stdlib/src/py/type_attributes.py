"""The descriptors in `type.__dict__` for the class attributes tripwire keeps outside
a class's namespace (`__mro__`, `__dict__`): inspect reads classes through them."""


class getset_descriptor:
    def __init__(self, name):
        self.__name__ = name
        self.__qualname__ = "type." + name
        self.__objclass__ = type

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        if not isinstance(obj, type):
            raise TypeError(
                f"descriptor '{self.__name__}' for 'type' objects doesn't apply "
                f"to a '{type(obj).__name__}' object")
        # A class's own attribute lookup answers these names before its
        # metaclass's namespace, so this does not come back here.
        return getattr(obj, self.__name__)

    def __set__(self, obj, value):
        raise AttributeError(
            f"attribute '{self.__name__}' of 'type' objects is not writable")

    def __repr__(self):
        return f"<attribute '{self.__name__}' of 'type' objects>"
