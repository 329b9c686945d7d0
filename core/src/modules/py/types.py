"""The types of built-in objects that have no name of their own in builtins,
SimpleNamespace, DynamicClassAttribute, `coroutine` and the dynamic class creation
helpers (new_class, resolve_bases, prepare_class, get_original_bases), as in CPython's
`types` module."""

import sys


def _function():
    pass


def _generator():
    yield 1


async def _coroutine():
    pass


class _Class:
    def _method(self):
        pass


FunctionType = type(_function)
LambdaType = FunctionType
CodeType = type(_function.__code__)
GeneratorType = type(_generator())
_coroutine_object = _coroutine()
CoroutineType = type(_coroutine_object)
_coroutine_object.close()
MethodType = type(_Class()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
FrameType = type(sys._getframe())
try:
    raise TypeError
except TypeError as _error:
    TracebackType = type(_error.__traceback__)
MappingProxyType = type(type.__dict__)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__["fromkeys"])
GetSetDescriptorType = type(_Class.__dict__["__dict__"]) if "__dict__" in _Class.__dict__ else property
MemberDescriptorType = GetSetDescriptorType
GenericAlias = type(list[int])
UnionType = type(int | str)


def _cell(x):
    return lambda: x


CellType = type(_cell(0).__closure__[0])


def __getattr__(name):
    # The async generator type is Python code of _asyncgen, run at first use.
    if name == "AsyncGeneratorType":
        from _asyncgen import async_generator
        globals()[name] = async_generator
        return async_generator
    raise AttributeError(f"module 'types' has no attribute '{name}'")


def resolve_bases(bases):
    """The bases with every non-class replaced by what its __mro_entries__ gives."""
    resolved = []
    changed = False
    for i, base in enumerate(bases):
        if isinstance(base, type):
            resolved.append(base)
            continue
        entries = getattr(base, "__mro_entries__", None)
        if entries is None:
            resolved.append(base)
            continue
        new = entries(bases)
        changed = True
        if not isinstance(new, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        resolved.extend(new)
    return tuple(resolved) if changed else bases


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be "
                        "a (non-strict) subclass of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """(metaclass, namespace, remaining keywords) for a class statement."""
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    prepare = getattr(meta, "__prepare__", None)
    ns = prepare(name, bases, **kwds) if prepare is not None else {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class as a class statement would."""
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved, ns, **kwds)


def get_original_bases(cls, /):
    """The bases of `cls` as its class statement wrote them."""
    try:
        return cls.__dict__.get("__orig_bases__", cls.__bases__)
    except AttributeError:
        raise TypeError(f"Expected an instance of type, not {type(cls).__name__!r}") from None


class DynamicClassAttribute:
    """An attribute looked up on instances; on the class, __getattr__ is asked instead."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or getattr(fget, "__doc__", None)
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, "__isabstractmethod__", False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        if self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        doc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, doc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, mapping_or_iterable=(), /, **kwargs):
        items = dict(mapping_or_iterable)
        items.update(kwargs)
        for key in items:
            if not isinstance(key, str):
                raise TypeError("keywords must be strings")
        self.__dict__.update(items)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        if id(self) in _repr_running:
            return f"{name}(...)"
        _repr_running.add(id(self))
        try:
            fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        finally:
            _repr_running.discard(id(self))
        return f"{name}({fields})"

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


_repr_running = set()


class _AwaitableGenerator:
    """What a `coroutine`-decorated generator function returns: the generator,
    made awaitable (tripwire's code objects carry no CO_ITERABLE_COROUTINE flag, so
    the generator cannot be awaited itself)."""

    __slots__ = ("_gen",)

    def __init__(self, gen):
        self._gen = gen

    def __await__(self):
        return self._gen

    __iter__ = __await__

    def __next__(self):
        return next(self._gen)

    def send(self, value):
        return self._gen.send(value)

    def throw(self, *args):
        return self._gen.throw(*args)

    def close(self):
        return self._gen.close()

    gi_code = property(lambda self: self._gen.gi_code)
    gi_frame = property(lambda self: self._gen.gi_frame)
    gi_running = property(lambda self: self._gen.gi_running)
    gi_yieldfrom = property(lambda self: self._gen.gi_yieldfrom)
    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom


def coroutine(func):
    """Make a generator function's generators awaitable."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    if isinstance(func, FunctionType) and func.__code__.co_flags & 0x180:
        return func

    def awaitable(*args, **kwargs):
        result = func(*args, **kwargs)
        if isinstance(result, GeneratorType):
            return _AwaitableGenerator(result)
        return result

    for name in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(awaitable, name, getattr(func, name))
        except AttributeError:
            pass
    awaitable.__wrapped__ = func
    awaitable.__dict__.update(getattr(func, "__dict__", {}))
    return awaitable

del sys, _function, _generator, _coroutine, _coroutine_object, _Class, _cell
