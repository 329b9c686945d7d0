"""PEP 667's FrameLocalsProxy: `frame.f_locals` of a function frame.

Reads and writes go straight to the frame's variables (through their cells for cell
and free variables); other keys go to one extra dict per frame. Deleting or popping
follows CPython 3.13.1: an extra key is removed, a variable of the frame cannot be
(ValueError). The natives live in `_frame`."""

from _frame import get as _get, set as _set, items as _items, delete as _delete, pop as _pop


class FrameLocalsProxy:
    __slots__ = ("_frame",)
    __hash__ = None

    def __init__(self, frame):
        self._frame = frame

    def __getitem__(self, key):
        return _get(self._frame, key)

    def __setitem__(self, key, value):
        _set(self._frame, key, value)

    def __delitem__(self, key):
        _delete(self._frame, key)

    def __contains__(self, key):
        try:
            _get(self._frame, key)
        except KeyError:
            return False
        return True

    def __iter__(self):
        return iter([k for k, _ in _items(self._frame)])

    def __reversed__(self):
        return iter([k for k, _ in _items(self._frame)][::-1])

    def __len__(self):
        return len(_items(self._frame))

    def __eq__(self, other):
        if isinstance(other, FrameLocalsProxy):
            other = other.copy()
        elif not isinstance(other, dict):
            return NotImplemented
        return self.copy() == other

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __repr__(self):
        return repr(self.copy())

    def __or__(self, other):
        if not isinstance(other, (dict, FrameLocalsProxy)):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, (dict, FrameLocalsProxy)):
            return NotImplemented
        result = dict(other)
        result.update(self.copy())
        return result

    def __ior__(self, other):
        self.update(other)
        return self

    def keys(self):
        return [k for k, _ in _items(self._frame)]

    def values(self):
        return [v for _, v in _items(self._frame)]

    def items(self):
        return _items(self._frame)

    def get(self, key, default=None):
        try:
            return _get(self._frame, key)
        except KeyError:
            return default

    def setdefault(self, key, default=None):
        try:
            return _get(self._frame, key)
        except KeyError:
            _set(self._frame, key, default)
            return default

    def update(self, other=(), **kwargs):
        if hasattr(other, "keys"):
            for key in other.keys():
                _set(self._frame, key, other[key])
        else:
            for key, value in other:
                _set(self._frame, key, value)
        for key, value in kwargs.items():
            _set(self._frame, key, value)

    def pop(self, *args, **kwargs):
        return _pop(self._frame, *args, **kwargs)

    def copy(self):
        return dict(_items(self._frame))
