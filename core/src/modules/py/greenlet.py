"""Greenlets: coroutines that switch explicitly, each on its own stack.

The API and semantics of the greenlet package, on the runtime's stack switching
(_greenlet). A greenlet's state lives in a separate core object, so that the
greenlet's own stack (which runs `_bootstrap` with the core) does not keep the
greenlet alive: an unfinished greenlet that loses its last reference gets
GreenletExit thrown into it.
"""

import _greenlet
import _thread

__all__ = ['greenlet', 'getcurrent', 'settrace', 'gettrace', 'error', 'GreenletExit']

_SELF_FILE = "<frozen greenlet>"


class error(Exception):
    pass


class GreenletExit(BaseException):
    pass


class _Core:
    __slots__ = ('run', 'parent', 'stack', 'started', 'dead', 'thread')

    def __init__(self, run, parent, thread):
        self.run = run
        self.parent = parent
        self.stack = None
        self.started = False
        self.dead = False
        self.thread = thread


# Per thread: the running greenlet, and the trace callback.
_current = {}
_traces = {}

# What a switch hands over: (kind, payload).
_VALUE = 0
_THROW = 1
_START = 2


class greenlet:
    """greenlet(run=None, parent=None): a coroutine that runs `run` on its own stack."""

    def __init__(self, run=None, parent=None):
        if parent is None:
            parent = getcurrent()
        else:
            _check_greenlet(parent)
        object.__setattr__(self, '_core', _Core(run, parent, _thread.get_ident()))
        if parent._core.thread != self._core.thread:
            raise ValueError("parent cannot be on a different thread")

    @property
    def run(self):
        run = self._core.run
        if run is None:
            method = type(self).run
            if self._core.started or isinstance(method, property):
                raise AttributeError("run")
            return method.__get__(self)
        return run

    @run.setter
    def run(self, value):
        if self._core.started:
            raise AttributeError("run cannot be set after the start of the greenlet")
        self._core.run = value

    @property
    def parent(self):
        return self._core.parent

    @parent.setter
    def parent(self, value):
        _check_greenlet(value)
        if self._core.parent is None:
            raise AttributeError("cannot set the parent of a main greenlet")
        p = value
        while p is not None:
            if p is self:
                raise ValueError("cyclic parent chain")
            p = p._core.parent
        if value._core.thread != self._core.thread and _thread._alive(value._core.thread):
            raise ValueError("parent cannot be on a different thread")
        self._core.parent = value

    @property
    def dead(self):
        core = self._core
        return core.dead

    def __bool__(self):
        core = self._core
        return core.started and not core.dead

    @property
    def gr_frame(self):
        core = self._core
        if not core.started or core.dead or core.stack == _greenlet.current():
            return None
        return _greenlet.frame(core.stack, _SELF_FILE)

    def switch(self, *args, **kwargs):
        """Run this greenlet; returns what is switched back to the caller."""
        return _switch(self, _VALUE, (args, kwargs))

    def throw(self, typ=GreenletExit, val=None, tb=None):
        """Raise an exception in this greenlet (at its switch, or at its start)."""
        if isinstance(typ, BaseException):
            if val is not None:
                raise TypeError("instance exception may not have a separate value")
            exc = typ
        elif isinstance(typ, type) and issubclass(typ, BaseException):
            if isinstance(val, typ):
                exc = val
            elif val is None:
                exc = typ()
            elif isinstance(val, tuple):
                exc = typ(*val)
            else:
                exc = typ(val)
        else:
            raise TypeError(
                "exceptions must be classes, or instances, not %s" % type(typ).__name__)
        if tb is not None:
            exc = exc.with_traceback(tb)
        return _switch(self, _THROW, exc)

    def __repr__(self):
        core = self._core
        if core.dead:
            state = " (thread %d) dead" % core.thread
        elif core.started:
            state = " (thread %d) active" % core.thread
            if core.stack == _greenlet.current():
                state += " current"
            else:
                state += " suspended"
        else:
            state = " (thread %d) pending" % core.thread
        if core.parent is None:
            state += " main"
        return "<%s.%s object at %s%s>" % (
            type(self).__module__, type(self).__qualname__, hex(id(self)), state)

    def __del__(self):
        core = self.__dict__.get('_core')
        if core is None or not core.started or core.dead or core.parent is None:
            return
        if core.thread != _thread.get_ident():
            _greenlet.discard(core.stack)
            return
        core.parent = getcurrent()
        try:
            self.throw()
        except GreenletExit:
            pass
        if not core.dead and core.stack is not None:
            # It caught GreenletExit and switched away: it never runs again.
            _greenlet.discard(core.stack)
            core.dead = True


def _check_greenlet(value):
    if not isinstance(value, greenlet):
        raise TypeError(
            "GreenletChecker: Expected any type of greenlet, not %s" % type(value).__name__)


def _pack(args, kwargs):
    if not kwargs:
        if not args:
            return ()
        if len(args) == 1:
            return args[0]
        return args
    if not args:
        return kwargs
    return (args, kwargs)


def _switch(target, kind, payload):
    current = getcurrent()
    if target._core.thread != current._core.thread:
        if _thread._alive(target._core.thread):
            raise error("cannot switch to a different thread")
        raise error("cannot switch to a different thread (which happens to have exited)")
    # A dead greenlet (or one killed before it started) passes to its nearest live
    # parent.
    while True:
        core = target._core
        if core.dead:
            target = core.parent
        elif not core.started and kind == _THROW:
            core.started = True
            core.dead = True
            target = core.parent
        else:
            break
        # As if its run had raised it: GreenletExit is returned to the parent.
        if kind == _THROW and isinstance(payload, GreenletExit):
            kind, payload = _VALUE, ((payload,), {})
    if kind == _VALUE:
        if target._core.started:
            payload = _pack(*payload)
        else:
            kind = _START
    if target is current:
        if kind == _THROW:
            raise payload
        return payload
    trace = _traces.get(current._core.thread)
    if trace is not None:
        trace('throw' if kind == _THROW else 'switch', (current, target))
    core = target._core
    if not core.started:
        _start(target)
    _current[core.thread] = target
    # Nothing on this stack may hold the switching greenlet while it is suspended,
    # or losing its last reference could not kill it.
    del current
    kind, payload = _greenlet.switch(core.stack, (kind, payload))
    if kind == _THROW:
        raise payload
    return payload


def _start(target):
    """Give a greenlet that has not started its stack; its first switch calls `run`."""
    core = target._core
    core.run = target.run
    core.started = True
    core.stack = _greenlet.new_stack(lambda handed: _bootstrap(core, handed))


def _bootstrap(core, handed):
    kind, payload = handed
    try:
        if kind == _THROW:
            raise payload
        run = core.run
        core.run = None
        args, kwargs = payload
        outcome = (_VALUE, run(*args, **kwargs))
    except GreenletExit as e:
        outcome = (_VALUE, e)
    except BaseException as e:
        outcome = (_THROW, e)
    core.dead = True
    core.stack = None
    target = core.parent
    while target._core.dead:
        target = target._core.parent
    if not target._core.started:
        # The parent never ran: it starts now with the outcome as its arguments.
        _start(target)
        if outcome[0] == _VALUE:
            outcome = (_START, ((outcome[1],), {}))
    trace = _traces.get(core.thread)
    if trace is not None:
        trace('throw' if outcome[0] == _THROW else 'switch', (_current[core.thread], target))
    _current[core.thread] = target
    return (target._core.stack, outcome)


def getcurrent():
    """The greenlet running now (each thread has its own main greenlet)."""
    ident = _thread.get_ident()
    g = _current.get(ident)
    if g is None:
        g = greenlet.__new__(greenlet)
        core = _Core(None, None, ident)
        core.started = True
        core.stack = _greenlet.current()
        object.__setattr__(g, '_core', core)
        _current[ident] = g
    return g


def settrace(callback):
    """Set this thread's switch trace callback; returns the previous one."""
    ident = _thread.get_ident()
    old = _traces.get(ident)
    if callback is None:
        _traces.pop(ident, None)
    else:
        _traces[ident] = callback
    return old


def gettrace():
    return _traces.get(_thread.get_ident())
