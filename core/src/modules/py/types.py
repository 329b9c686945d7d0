"""The types of built-in objects that have no name of their own in builtins, and
SimpleNamespace, as in CPython's `types` module."""

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

del sys, _function, _generator, _coroutine, _coroutine_object, _Class
