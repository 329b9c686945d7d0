def __reduce_ex__(self, protocol, /):
    """Helper for pickle."""
    reduce = getattr(type(self), "__reduce__", None)
    if reduce is not None and reduce is not _OBJECT_REDUCE:
        return self.__reduce__()
    import copy
    return copy._default_reduce(self, type(self))


def __reduce__(self, /):
    """Helper for pickle."""
    import copy
    return copy._default_reduce(self, type(self))
