"""BaseExceptionGroup and ExceptionGroup (PEP 654) with CPython's split /
subgroup / derive semantics, and the handler state that `except*` compiles to.

Depends only on the built-in exception types."""


def _matcher(condition):
    if isinstance(condition, type) and issubclass(condition, BaseException):
        return lambda e: isinstance(e, condition)
    if isinstance(condition, tuple) and all(
            isinstance(c, type) and issubclass(c, BaseException) for c in condition):
        return lambda e: isinstance(e, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected an exception type, a tuple of exception types, "
                    "or a callable (other than a class)")


class BaseExceptionGroup(BaseException):
    def __new__(cls, message, exceptions):
        if not isinstance(message, str):
            raise TypeError("BaseExceptionGroup.__new__() argument 1 must be str, "
                            f"not {type(message).__name__}")
        if not hasattr(exceptions, '__len__') or not hasattr(exceptions, '__getitem__'):
            raise TypeError("second argument (exceptions) must be a sequence")
        excs = tuple(exceptions)
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for i, e in enumerate(excs):
            if not isinstance(e, BaseException):
                raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
        all_exceptions = all(isinstance(e, Exception) for e in excs)
        if cls is BaseExceptionGroup:
            if all_exceptions:
                cls = ExceptionGroup
        elif issubclass(cls, Exception) and not all_exceptions:
            if cls is ExceptionGroup:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
            raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
        self = super().__new__(cls, message, exceptions)
        self._message = message
        self._exceptions = excs
        return self

    def __init__(self, message, exceptions):
        super().__init__(message, exceptions)

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(self):
        n = len(self._exceptions)
        return f"{self._message} ({n} sub-exception{'s' if n > 1 else ''})"

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def _derived(self, excs):
        group = self.derive(excs)
        group.__traceback__ = self.__traceback__
        group.__cause__ = self.__cause__
        group.__context__ = self.__context__
        if hasattr(self, '__notes__'):
            group.__notes__ = list(self.__notes__)
        return group

    def _split(self, condition):
        if condition(self):
            return self, None
        matched, rest = [], []
        for e in self._exceptions:
            if isinstance(e, BaseExceptionGroup):
                m, r = e._split(condition)
            elif condition(e):
                m, r = e, None
            else:
                m, r = None, e
            if m is not None:
                matched.append(m)
            if r is not None:
                rest.append(r)
        match = self._derived(matched) if matched else None
        remainder = self._derived(rest) if rest else None
        return match, remainder

    def split(self, condition):
        return self._split(_matcher(condition))

    def subgroup(self, condition):
        return self._split(_matcher(condition))[0]

    __class_getitem__ = classmethod(type(list[int]))


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


BaseExceptionGroup.__module__ = ExceptionGroup.__module__ = 'builtins'


class Handling:
    """What `except*` clauses have left of one exception, and what they raised."""

    def __init__(self, exc):
        self.original = exc
        self.naked = not isinstance(exc, BaseExceptionGroup)
        self.rest = BaseExceptionGroup("", (exc,)) if self.naked else exc
        self.raised = []

    def match(self, types):
        if isinstance(types, type) and issubclass(types, BaseExceptionGroup) or (
                isinstance(types, tuple)
                and any(isinstance(t, type) and issubclass(t, BaseExceptionGroup) for t in types)):
            raise TypeError("catching ExceptionGroup with except* is not allowed. "
                            "Use except instead.")
        if self.rest is None:
            return None
        if self.naked:
            # The wrapper itself is what a clause matching the exception sees.
            if not _matcher(types)(self.original):
                return None
            match, self.rest = self.rest, None
            return match
        match, self.rest = self.rest.split(types)
        return match

    def handler_raised(self, exc):
        self.raised.append(exc)

    def finish(self):
        """Raise what is left: nothing, the original exception (naked or group,
        untouched), or a group of what the handlers raised and what is left."""
        if not self.raised:
            if self.rest is None:
                return
            if self.rest is self.original or self.naked:
                raise self.original
            raise self.rest
        left = [] if self.rest is None else [self.rest]
        if len(self.raised) == 1 and not left:
            raise self.raised[0]
        raise BaseExceptionGroup("", self.raised + left)
