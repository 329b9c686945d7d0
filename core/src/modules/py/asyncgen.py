"""Asynchronous generators: the object an `async def` with `yield` returns.

Its body runs as a coroutine (the "inner" one, a generator object of the runtime).
A plain `yield` in it suspends the inner coroutine at a plain yield; an `await`
suspends it delegating. `asend` / `athrow` / `aclose` return awaitables that drive
the inner coroutine: what an `await` passes up goes on to the event loop, and a
plain yield ends the awaitable with StopIteration(value), as CPython's wrapped
values do. Ending the body ends the iteration with StopAsyncIteration. The hooks
of sys.set_asyncgen_hooks run as CPython runs them: firstiter at the first step,
finalizer when an unfinished generator is collected. The native
`_yielded_plainly(inner)` lives in the same module."""

import sys as _sys

_INIT, _ITER, _CLOSED = 0, 1, 2


def _throw_args(typ, val, tb):
    """The arguments of a throw as given: the one-argument form when it was."""
    if tb is not None:
        return (typ, val, tb)
    if val is not None:
        return (typ, val)
    return (typ,)


class async_generator:
    __module__ = 'builtins'
    __slots__ = ("_inner", "_running_async", "_closed", "_hooks_inited",
                 "_finalizer", "__weakref__")

    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, inner):
        self._inner = inner
        self._running_async = False
        self._closed = False
        self._hooks_inited = False
        self._finalizer = None

    def __repr__(self):
        return f"<async_generator object {self.__qualname__} at {hex(id(self))}>"

    @property
    def __name__(self):
        return self._inner.__name__

    def __getattr__(self, name):
        # A `__qualname__` in the class body would name the class itself.
        if name == "__qualname__":
            return self._inner.__qualname__
        raise AttributeError(
            f"'async_generator' object has no attribute '{name}'")

    @property
    def ag_await(self):
        return self._inner.cr_await

    @property
    def ag_frame(self):
        return self._inner.cr_frame

    @property
    def ag_code(self):
        return self._inner.cr_code

    @property
    def ag_running(self):
        return self._running_async

    def _init_hooks(self):
        if self._hooks_inited:
            return
        self._hooks_inited = True
        firstiter, finalizer = _sys.get_asyncgen_hooks()
        self._finalizer = finalizer
        if firstiter is not None:
            firstiter(self)

    def __aiter__(self):
        return self

    def __anext__(self):
        self._init_hooks()
        return async_generator_asend(self, None)

    def asend(self, value):
        self._init_hooks()
        return async_generator_asend(self, value)

    def athrow(self, typ, val=None, tb=None):
        self._init_hooks()
        return async_generator_athrow(self, _throw_args(typ, val, tb))

    def aclose(self):
        self._init_hooks()
        return async_generator_athrow(self, None)

    def __del__(self):
        finalizer = self._finalizer
        if finalizer is not None and self._inner.cr_frame is not None:
            self._finalizer = None
            finalizer(self)

    def _step(self, method, arg):
        """One step of the inner coroutine: its next value to pass up, or its
        plain yield's value as StopIteration, or its end as StopAsyncIteration."""
        try:
            if method is None:
                value = self._inner.send(arg)
            else:
                value = self._inner.throw(*method)
        except StopIteration:
            self._closed = True
            self._running_async = False
            raise StopAsyncIteration from None
        except (StopAsyncIteration, GeneratorExit):
            self._closed = True
            self._running_async = False
            raise
        except BaseException:
            self._running_async = False
            raise
        if _yielded_plainly(self._inner):
            self._running_async = False
            raise StopIteration(value)
        return value


class async_generator_asend:
    __module__ = 'builtins'
    """The awaitable of `__anext__()` / `asend(value)`."""

    __slots__ = ("_gen", "_value", "_state")

    def __init__(self, gen, value):
        self._gen = gen
        self._value = value
        self._state = _INIT

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def _start(self):
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        if self._state == _INIT:
            if self._gen._running_async:
                self._state = _CLOSED
                raise RuntimeError(
                    "anext(): asynchronous generator is already running")
            self._state = _ITER

    def send(self, value):
        first = self._state == _INIT
        self._start()
        if first and value is None:
            value = self._value
        gen = self._gen
        gen._running_async = True
        if gen._inner.cr_frame is None:
            # Finished before: nothing more to run.
            gen._running_async = False
            self._state = _CLOSED
            raise StopAsyncIteration
        try:
            return gen._step(None, value)
        except BaseException:
            self._state = _CLOSED
            raise

    def throw(self, typ, val=None, tb=None):
        self._start()
        gen = self._gen
        gen._running_async = True
        try:
            return gen._step(_throw_args(typ, val, tb), None)
        except BaseException:
            gen._running_async = False
            self._state = _CLOSED
            raise

    def close(self):
        self._state = _CLOSED


class async_generator_athrow:
    __module__ = 'builtins'
    """The awaitable of `athrow(...)` (`args` the exception) and `aclose()` (`args`
    None)."""

    __slots__ = ("_gen", "_args", "_state")

    def __init__(self, gen, args):
        self._gen = gen
        self._args = args
        self._state = _INIT

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def _what(self):
        return "aclose()" if self._args is None else "athrow()"

    def send(self, value):
        gen = self._gen
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited aclose()/athrow()")
        if gen._inner.cr_frame is None:
            self._state = _CLOSED
            raise StopIteration
        if self._state == _INIT:
            if gen._running_async:
                self._state = _CLOSED
                raise RuntimeError(
                    f"{self._what()}: asynchronous generator is already running")
            if gen._closed:
                self._state = _CLOSED
                raise StopAsyncIteration
            if value is not None:
                raise RuntimeError(
                    "can't send non-None value to a just-started coroutine")
            self._state = _ITER
            gen._running_async = True
            if self._args is None:
                gen._closed = True
                return self._closing((GeneratorExit,), None)
            return self._stepping(self._args, None)
        if self._args is None:
            return self._closing(None, value)
        return self._stepping(None, value)

    def throw(self, typ, val=None, tb=None):
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited aclose()/athrow()")
        exc = _throw_args(typ, val, tb)
        if self._args is None:
            return self._closing(exc, None)
        return self._stepping(exc, None)

    def _stepping(self, exc, value):
        try:
            return self._gen._step(exc, value)
        except BaseException:
            self._state = _CLOSED
            raise

    def _closing(self, exc, value):
        """aclose(): the body must end (GeneratorExit or its end) without yielding."""
        gen = self._gen
        inner = gen._inner
        try:
            if exc is None:
                result = inner.send(value)
            else:
                result = inner.throw(*exc)
        except (StopIteration, StopAsyncIteration, GeneratorExit):
            gen._running_async = False
            self._state = _CLOSED
            raise StopIteration from None
        except BaseException:
            gen._running_async = False
            self._state = _CLOSED
            raise
        if _yielded_plainly(inner):
            gen._running_async = False
            self._state = _CLOSED
            raise RuntimeError("async generator ignored GeneratorExit")
        return result

    def close(self):
        self._state = _CLOSED


async def anext_or_default(awaitable, default):
    """What `anext(it, default)` awaits: `it`'s next value, or default at its end."""
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
