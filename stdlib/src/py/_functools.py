"""Tools that operate on functions: the module CPython's functools.py takes reduce,
partial, cmp_to_key and the lru_cache wrapper from. reduce and the lru_cache wrapper
are _functools_engine's; partial and cmp_to_key's KeyWrapper are here."""

from _functools_engine import reduce, _lru_cache_wrapper


def _recursion_guarded_repr(method):
    # partial's repr of itself (p.args holding p) is '...', as CPython's.
    running = set()

    def guarded(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            return method(self)
        finally:
            running.discard(key)
    return guarded


class partial:
    """Create a new function with partial application of the given arguments
and keywords."""

    __slots__ = ('_func', '_args', '_keywords', '__dict__', '__weakref__')
    __module__ = 'functools'

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial) and not func.__dict__:
            args = func._args + args
            keywords = {**func._keywords, **keywords}
            func = func._func
        self = object.__new__(cls)
        self._func = func
        self._args = args
        self._keywords = keywords
        return self

    @property
    def func(self):
        """function object to use in future partial calls"""
        return self._func

    @func.setter
    def func(self, value):
        raise AttributeError("readonly attribute")

    @property
    def args(self):
        """tuple of arguments to future partial calls"""
        return self._args

    @args.setter
    def args(self, value):
        raise AttributeError("readonly attribute")

    @property
    def keywords(self):
        """dictionary of keyword arguments to future partial calls"""
        return self._keywords

    @keywords.setter
    def keywords(self, value):
        raise AttributeError("readonly attribute")

    def __call__(self, /, *args, **keywords):
        if self._keywords:
            keywords = {**self._keywords, **keywords}
        return self._func(*self._args, *args, **keywords)

    @_recursion_guarded_repr
    def __repr__(self):
        cls = type(self)
        parts = [repr(self._func)]
        parts.extend(repr(x) for x in self._args)
        parts.extend(f"{k}={v!r}" for k, v in self._keywords.items())
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        import warnings
        warnings.warn('functools.partial will be a method descriptor in '
                      'future Python versions; wrap it in staticmethod() '
                      'if you want to preserve the old behavior',
                      FutureWarning, 2)
        return self

    def __reduce__(self):
        return type(self), (self._func,), (self._func, self._args,
                                           self._keywords or None,
                                           self.__dict__ or None)

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) != 4:
            raise TypeError("invalid partial state")
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
                (kwds is not None and not isinstance(kwds, dict)) or
                (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError("invalid partial state")
        self._func = func
        self._args = tuple(args)
        self._keywords = {} if kwds is None else dict(kwds)
        self.__dict__ = {} if namespace is None else namespace

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class KeyWrapper:
    """A cmp= function as a key= function: calling it wraps an object, and the
wrapped objects compare through the function."""

    __slots__ = ('_cmp', 'obj')
    __module__ = 'functools'

    def __hash__(self):
        raise TypeError("unhashable type: 'functools.KeyWrapper'")

    def __call__(self, *args, **kwargs):
        if kwargs:
            if args or list(kwargs) != ['obj']:
                raise TypeError("K() takes exactly 1 argument "
                                f"({len(args) + len(kwargs)} given)")
            args = (kwargs['obj'],)
        if len(args) != 1:
            if not args:
                raise TypeError("K() missing required argument 'obj' (pos 1)")
            raise TypeError(f"K() takes at most 1 argument ({len(args)} given)")
        key = object.__new__(KeyWrapper)
        key._cmp = self._cmp
        key.obj = args[0]
        return key

    def _compare(self, other):
        if type(other) is not KeyWrapper:
            raise TypeError("other argument must be K instance")
        return self._cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._compare(other) < 0

    def __le__(self, other):
        return self._compare(other) <= 0

    def __eq__(self, other):
        return self._compare(other) == 0

    def __ne__(self, other):
        return self._compare(other) != 0

    def __gt__(self, other):
        return self._compare(other) > 0

    def __ge__(self, other):
        return self._compare(other) >= 0


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    key = object.__new__(KeyWrapper)
    key._cmp = mycmp
    return key
