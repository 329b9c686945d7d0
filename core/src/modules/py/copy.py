"""Shallow and deep copies of Python objects.

copy(x) makes a new container holding the same objects as x;
deepcopy(x) copies the contents too, recursively, keeping shared and
self-referencing structure intact through a memo dict; replace(x, **kw)
calls x.__replace__(**kw).  Classes can customise copying with
__copy__ / __deepcopy__(memo), or through the pickle protocol
(__reduce_ex__, __getnewargs__, __getstate__, __setstate__).
"""

__all__ = ["Error", "copy", "deepcopy", "replace"]


class Error(Exception):
    pass


error = Error   # backward compatibility


import builtins as _builtins


def _sample_types():
    # The built-in types whose instances are never copied.  Some of them
    # have no name in builtins, so they are taken from sample objects.
    kinds = [type(None), int, float, bool, str, bytes, type, range,
             type(Ellipsis), type(NotImplemented), property, slice,
             type(len), type(lambda: None)]
    for name in ('complex',):
        kind = getattr(_builtins, name, None)
        if kind is not None:
            kinds.append(kind)
    try:
        kinds.append(type((lambda: None).__code__))
    except AttributeError:
        pass
    result = []
    for kind in kinds:
        if kind not in result:
            result.append(kind)
    return tuple(result)


# Objects of these types are never copied, neither shallowly nor deeply.
_ATOMIC_TYPES = frozenset(_sample_types())
_bytearray = getattr(_builtins, 'bytearray', None)
# Immutable containers: a shallow copy is the object itself.
_SHALLOW_SELF = _ATOMIC_TYPES | frozenset([tuple, frozenset])


###########################################################################
# Shallow copies
###########################################################################

def copy(x):
    """A shallow copy of x."""
    cls = type(x)

    if cls in _SHALLOW_SELF:
        return x
    if cls is list or cls is dict or cls is set or cls is _bytearray:
        return x.copy()
    if issubclass(cls, type):
        # Classes are treated as atomic.
        return x

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


###########################################################################
# Deep copies
###########################################################################

def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy."""
    cls = type(x)

    if cls in _ATOMIC_TYPES:
        return x

    d = id(x)
    if memo is None:
        memo = {}
    else:
        y = memo.get(d, _nil)
        if y is not _nil:
            return y

    if cls is list:
        y = _deepcopy_list(x, memo)
    elif cls is dict:
        y = _deepcopy_dict(x, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is _BoundMethod:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)  # Make sure x lives at least as long as d
    return y


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for item in x:
        append(deepcopy(item, memo))
    return y


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_tuple(x, memo):
    copies = [deepcopy(item, memo) for item in x]
    # A tuple can only take part in a cycle through a mutable object, and
    # that object's copy may already have produced the copy of this tuple.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for original, copied in zip(x, copies):
        if original is not copied:
            return tuple(copies)
    return x


class _MethodHolder:
    def method(self):
        pass


_BoundMethod = type(_MethodHolder().method)
del _MethodHolder


def _keep_alive(x, memo):
    # The memo is keyed by id(), so every original must outlive the copy
    # operation; keep them in a list stored under the memo's own id.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


###########################################################################
# The reduce protocol
###########################################################################

def _reduce(x, cls):
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    return _default_reduce(x, cls)


def _new_object(cls, *args):
    return cls.__new__(cls, *args)


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = klass.__name__.lstrip('_')
                if stripped:
                    name = '_%s%s' % (stripped, name)
            if name not in names:
                names.append(name)
    return names


def _default_state(x, cls):
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None:
        return getstate()
    try:
        state = x.__dict__
    except AttributeError:
        state = None
    if not state:
        state = None
    slots = {}
    for name in _slot_names(cls):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _default_reduce(x, cls):
    """What object.__reduce_ex__(4) computes for an ordinary instance."""
    if isinstance(x, (set, frozenset)):
        return (cls, (list(x),), getattr(x, '__dict__', None) or None)
    if isinstance(x, BaseException):
        # As BaseException.__reduce__: rebuild from the args; an AttributeError's
        # state also holds its name (not its obj) and its args, as CPython's.
        state = getattr(x, '__dict__', None) or None
        if isinstance(x, AttributeError):
            state = dict(state or {})
            if x.name is not None:
                state['name'] = x.name
            state['args'] = x.args
        return (cls, tuple(x.args), state)
    getnewargs = getattr(x, '__getnewargs__', None)
    args = tuple(getnewargs()) if getnewargs is not None else ()
    state = _default_state(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return (_new_object, (cls,) + args, state, listitems, dictitems)


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y


###########################################################################
# replace()
###########################################################################

def replace(obj, /, **changes):
    """A copy of obj with some fields changed, via obj.__replace__()."""
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
