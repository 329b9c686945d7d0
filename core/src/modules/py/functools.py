"""Higher-order functions and operations on callables."""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

from collections import namedtuple


################################################################################
### update_wrapper() and wraps() decorator
################################################################################

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__', '__type_params__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Copy the identity of `wrapped` (name, qualname, module, doc, annotations,
    __dict__ entries) onto `wrapper`, set wrapper.__wrapped__, return wrapper."""
    for name in assigned:
        try:
            value = getattr(wrapped, name)
        except AttributeError:
            continue
        setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Set last, so that a __wrapped__ copied from `wrapped`'s __dict__ is
    # replaced by `wrapped` itself.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper(): @wraps(f) makes the decorated
    function look like f."""
    def decorating_function(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorating_function


################################################################################
### total_ordering class decorator
################################################################################

# How each missing comparison follows from the one the class defines (its
# result r) and from == / !=.
def _not_r(self, other, r):
    return not r


def _not_r_and_ne(self, other, r):
    return not r and self != other


def _not_r_or_eq(self, other, r):
    return not r or self == other


def _r_and_ne(self, other, r):
    return r and self != other


def _r_or_eq(self, other, r):
    return r or self == other


_ORDERING_RULES = {
    '__lt__': [('__gt__', _not_r_and_ne), ('__le__', _r_or_eq),
               ('__ge__', _not_r)],
    '__le__': [('__ge__', _not_r_or_eq), ('__lt__', _r_and_ne),
               ('__gt__', _not_r)],
    '__gt__': [('__lt__', _not_r_and_ne), ('__ge__', _r_or_eq),
               ('__le__', _not_r)],
    '__ge__': [('__le__', _not_r_or_eq), ('__gt__', _r_and_ne),
               ('__lt__', _not_r)],
}

_SYMBOLS = {'__lt__': '<', '__le__': '<=', '__gt__': '>', '__ge__': '>='}


def _derived_comparison(root, name, rule):
    def compare(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        return rule(self, other, r)
    compare.__name__ = name
    compare.__qualname__ = f'_{name[2:-2]}_from_{root[2:-2]}'
    compare.__doc__ = (f'Return a {_SYMBOLS[name]} b, derived by @total_ordering '
                       f'from {_SYMBOLS[root]} and ==.')
    return compare


def total_ordering(cls):
    """Class decorator: given __eq__ and one of < <= > >=, add the others."""
    defined = []
    for name in ('__lt__', '__le__', '__gt__', '__ge__'):
        mine = getattr(cls, name, None)
        if mine is not None and mine is not getattr(object, name, None):
            defined.append(name)
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    # The root is chosen as CPython does: the largest name, so __lt__ is
    # preferred, then __le__, __gt__, __ge__.
    root = max(defined)
    for name, rule in _ORDERING_RULES[root]:
        if name not in defined:
            setattr(cls, name, _derived_comparison(root, name, rule))
    return cls


################################################################################
### cmp_to_key() function converter
################################################################################

def cmp_to_key(mycmp):
    """Turn an old-style comparison function into a key= function."""
    class KeyWrapper:
        __slots__ = ('obj',)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    KeyWrapper.__qualname__ = 'KeyWrapper'
    return KeyWrapper


################################################################################
### reduce() sequence to a single item
################################################################################

_initial_missing = object()


def reduce(function, iterable, initial=_initial_missing, /):
    """reduce(function, iterable[, initial], /) -> value

    Fold the items of the iterable from the left with a two-argument
    function: reduce(f, [a, b, c]) is f(f(a, b), c).  `initial`, when
    given, is the starting value (and the result for an empty iterable).
    """
    try:
        it = iter(iterable)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    if initial is _initial_missing:
        for value in it:
            break
        else:
            raise TypeError("reduce() of empty iterable with no initial value")
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


# The native reduce and lru_cache wrapper of tripwire's standard-library crate, where
# it is present (CPython takes these from its C _functools).
try:
    from _functools_engine import reduce, _lru_cache_wrapper as _native_wrapper
except ImportError:
    _native_wrapper = None


################################################################################
### partial() argument application
################################################################################

class partial:
    """partial(func, /, *args, **keywords): a callable that calls func with
    the stored arguments followed by the ones it receives."""

    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, /, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if (isinstance(func, partial)
                and type(func).__call__ is partial.__call__
                and len(func.__dict__) == 3):
            # Flatten nested partials that carry no extra attributes.
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def __reduce__(self):
        return type(self), (self.func,), (self.func, self.args,
                                          self.keywords or None, None)


class partialmethod:
    """Like partial, but for use as a method in a class body: the instance
    is passed before the stored arguments."""

    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError("{!r} is not callable or a descriptor".format(func))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f"{k}={v!r}" for k, v in self.keywords.items())
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def __get__(self, obj, cls=None):
        func = self.func
        getter = getattr(func, "__get__", None)
        if isinstance(func, partial) or getter is None:
            target = func
        else:
            target = None
        if obj is None and target is None:
            bound = getter(obj, cls)
            if bound is func:
                return self
            return partial(bound, *self.args, **self.keywords)
        if target is None:
            bound = getter(obj, cls)
            return partial(bound, *self.args, **self.keywords)
        if obj is None:
            return self
        return partial(target, obj, *self.args, **self.keywords)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


################################################################################
### LRU Cache function decorator
################################################################################

_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])

_KWD_MARK = (object(),)
_FAST_TYPES = (int, str)


def _unwrap_partial(func):
    """The function under any layers of `partial`."""
    while isinstance(func, partial):
        func = func.func
    return func


def _unwrap_partialmethod(func):
    """The function under any layers of `partial` and `partialmethod` (also one
    a partialmethod left as `__partialmethod__`); `inspect` reads its flags."""
    previous = None
    while func is not previous:
        previous = func
        while isinstance(getattr(func, "__partialmethod__", None), partialmethod):
            func = func.__partialmethod__
        while isinstance(func, partialmethod):
            func = func.func
        func = _unwrap_partial(func)
    return func


def _make_key(args, kwds, typed):
    """Build a hashable cache key from call arguments.

    Keyword arguments are kept in call order, so f(a=1, b=2) and f(b=2, a=1)
    are cached separately, as in CPython.
    """
    key = args
    if kwds:
        key += _KWD_MARK
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in _FAST_TYPES:
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Memoize a function, keeping at most `maxsize` results (unbounded for
    None) and dropping the least recently used one first.

    typed=True caches arguments of different types (3 and 3.0) apart.
    The arguments must be hashable.  The wrapper has cache_info(),
    cache_clear(), cache_parameters() and __wrapped__.
    """
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError(
            'Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    if _native_wrapper is not None:
        return _native_wrapper(user_function, maxsize, typed, _CacheInfo)
    # The cache is a dict whose insertion order is the recency order: the
    # first key is the least recently used one.
    cache = {}
    stats = [0, 0]          # hits, misses
    missing = object()
    make_key = _make_key

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = make_key(args, kwds, typed)
            result = cache.get(key, missing)
            if result is not missing:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        def wrapper(*args, **kwds):
            key = make_key(args, kwds, typed)
            result = cache.pop(key, missing)
            if result is not missing:
                # Re-insert to mark it as the most recently used.
                cache[key] = result
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # A recursive call already cached this key.
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        """The hits, misses, maxsize and current size of the cache."""
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Empty the cache and reset its statistics."""
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    """An unbounded lru_cache: remember every result."""
    return lru_cache(maxsize=None)(user_function)


################################################################################
### singledispatch() - single-dispatch generic function decorator
################################################################################

def _first_param_annotation(func):
    """The first parameter's name and annotation as typing.get_type_hints
    gives it: a string evaluated in the function's globals, None as NoneType."""
    ann = getattr(func, '__annotations__', None) or {}
    for name, value in ann.items():
        if name != 'return':
            if isinstance(value, str):
                value = eval(value, getattr(func, '__globals__', {}))
            if value is None:
                value = type(None)
            return name, value
    return None, None


def singledispatch(func):
    """Turn a function into a generic function that picks an implementation
    by the type of its first argument; add implementations with
    .register(type) or .register on an annotated function."""
    registry = {object: func}
    dispatch_cache = {}

    def dispatch(cls):
        """The implementation that would handle an instance of cls."""
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = None
        for base in cls.__mro__:
            if base in registry:
                impl = registry[base]
                break
        if impl is None or base is object:
            # Classes registered that are not in the MRO (ABCs, for example).
            for other, other_impl in registry.items():
                if other is object:
                    continue
                try:
                    if issubclass(cls, other):
                        impl = other_impl
                        break
                except TypeError:
                    pass
        if impl is None:
            impl = registry[object]
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """Add an implementation for cls."""
        if isinstance(cls, type):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f"Invalid first argument to `register()`. "
                    f"{cls!r} is not a class or union type.")
            ann = getattr(cls, '__annotations__', None)
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function.")
            func = cls
            argname, cls = _first_param_annotation(func)
            if not isinstance(cls, type):
                raise TypeError(
                    f"Invalid annotation for {argname!r}. "
                    f"{cls!r} is not a class.")
        registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after
    self."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher
        func = self.func

        def _method(*args, **kwargs):
            method = dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


################################################################################
### cached_property() - property result cached as instance attribute
################################################################################

_NOT_FOUND = object()


class cached_property:
    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = func.__module__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property."
            )
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val
