"""_multiprocessing: `SemLock`, the process-shared lock and semaphore
`multiprocessing.synchronize` is built on, over the native POSIX semaphores of
`_semaphore`; and `sem_unlink`. A lock remembers which thread holds it and how
many times (a recursive mutex may be taken again by its holder)."""

import _semaphore
from _thread import get_ident as _get_ident

RECURSIVE_MUTEX, SEMAPHORE = 0, 1

flags = {'HAVE_SEM_OPEN': 1, 'HAVE_SEM_TIMEDWAIT': 1}


def sem_unlink(name, /):
    _semaphore.unlink(name)


class SemLock:
    """A semaphore shared with the processes forked after its creation."""

    SEM_VALUE_MAX = _semaphore.SEM_VALUE_MAX

    def __init__(self, kind, value, maxvalue, name, unlink):
        if kind != RECURSIVE_MUTEX and kind != SEMAPHORE:
            raise ValueError("unrecognized kind")
        handle = _semaphore.open(name, value, True)
        if unlink:
            _semaphore.unlink(name)
            name = None
        self._attach(handle, kind, maxvalue, name)

    def _attach(self, handle, kind, maxvalue, name):
        self.handle = handle
        self.kind = kind
        self.maxvalue = maxvalue
        self.name = name
        self._held = 0
        self._owner = None

    @classmethod
    def _rebuild(cls, handle, kind, maxvalue, name, /):
        self = cls.__new__(cls)
        if name is not None:
            handle = _semaphore.open(name, 0, False)
        self._attach(handle, kind, maxvalue, name)
        return self

    def _is_mine(self):
        return self._held > 0 and self._owner == _get_ident()

    def acquire(self, block=True, timeout=None):
        if self.kind == RECURSIVE_MUTEX and self._is_mine():
            self._held += 1
            return True
        if not block:
            got = _semaphore.trywait(self.handle)
        else:
            if timeout is not None:
                timeout = max(float(timeout), 0.0)
            got = _semaphore.wait(self.handle, timeout)
        if got:
            self._held += 1
            self._owner = _get_ident()
        return got

    def release(self):
        if self.kind == RECURSIVE_MUTEX:
            if not self._is_mine():
                raise AssertionError(
                    "attempt to release recursive lock not owned by thread")
            if self._held > 1:
                self._held -= 1
                return
        elif _semaphore.value(self.handle) >= self.maxvalue:
            raise ValueError("semaphore or lock released too many times")
        _semaphore.post(self.handle)
        self._held -= 1

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def _count(self):
        return self._held

    def _get_value(self):
        return _semaphore.value(self.handle)

    def _is_zero(self):
        return _semaphore.value(self.handle) == 0

    def _after_fork(self):
        self._held = 0
