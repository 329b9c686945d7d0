"""`atexit`: functions to run when the program ends. tripwire's runner takes them
with `_pop_callback` after the main module and its threads finish, before the main
module's names are cleared, as CPython does."""

_callbacks = []


def register(func, /, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func, /):
    _callbacks[:] = [entry for entry in _callbacks if entry[0] != func]


def _clear():
    _callbacks.clear()


def _ncallbacks():
    return len(_callbacks)


def _pop_callback():
    """The last registered (function, args, kwargs), removed; None when none is
    left. tripwire's runner calls the functions (and reports their errors)."""
    if not _callbacks:
        return None
    return _callbacks.pop()


def _run_exitfuncs():
    """Run the registered functions now, the last registered first (an exception
    other than SystemExit stops the run and propagates)."""
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
