"""contextvars: ContextVar, Token, Context and copy_context (PEP 567).

Each thread state holds its current Context (`_contextvars`); a new thread starts
with an empty one, as in CPython 3.13. A context's mapping is copied by `copy()`,
so a copy never sees later changes to the original and the other way round.
"""

from _contextvars import get_context as _get_context, set_context as _set_context

__all__ = ("Context", "ContextVar", "Token", "copy_context")

_NO_DEFAULT = object()


def _current():
    ctx = _get_context()
    if ctx is None:
        ctx = Context()
        _set_context(ctx)
    return ctx


def _check_var(var):
    if not isinstance(var, ContextVar):
        raise TypeError(f"a ContextVar key was expected, got {var!r}")


class Context:
    __slots__ = ("_vars", "_entered")

    def __init__(self):
        self._vars = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        saved = _current()
        self._entered = True
        _set_context(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _set_context(saved)
            self._entered = False

    def copy(self):
        new = Context()
        new._vars = dict(self._vars)
        return new

    def __getitem__(self, var):
        _check_var(var)
        return self._vars[var]

    def __contains__(self, var):
        _check_var(var)
        return var in self._vars

    def get(self, var, default=None):
        _check_var(var)
        return self._vars.get(var, default)

    def __len__(self):
        return len(self._vars)

    def __iter__(self):
        return iter(self._vars)

    def keys(self):
        return self._vars.keys()

    def values(self):
        return self._vars.values()

    def items(self):
        return self._vars.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._vars == other._vars

    __hash__ = None


class Token:
    __slots__ = ("_context", "_var", "_old_value", "_used")

    MISSING = type("Token.MISSING", (), {"__repr__": lambda self: "<Token.MISSING>"})()

    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"


class ContextVar:
    __slots__ = ("_name", "_default")

    __class_getitem__ = classmethod(type(list[int]))

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, default=_NO_DEFAULT):
        vars = _current()._vars
        if self in vars:
            return vars[self]
        if default is not _NO_DEFAULT:
            return default
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        old = ctx._vars.get(self, Token.MISSING)
        ctx._vars[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {token!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _current()
        if token._context is not ctx:
            raise ValueError(f"{token!r} was created in a different Context")
        token._used = True
        if token._old_value is Token.MISSING:
            del ctx._vars[self]
        else:
            ctx._vars[self] = token._old_value

    def __repr__(self):
        default = "" if self._default is _NO_DEFAULT else f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at 0x{id(self):x}>"


def copy_context():
    return _current().copy()
