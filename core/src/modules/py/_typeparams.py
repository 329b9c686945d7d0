"""The runtime side of PEP 695 (type parameter lists and `type` statements): the
compiler turns `def f[T]`, `class C[T]` and `type X = ...` into calls of these.

Depends on typing (TypeVar, ParamSpec, TypeVarTuple, Generic)."""

import typing as _typing


class _ParamTypeVar(_typing.TypeVar):
    """A TypeVar of a type parameter list: its bound and constraints are
    evaluated on first use, as CPython does."""

    def __init__(self, name, bound, constraints):
        self.__name__ = name
        self.__covariant__ = False
        self.__contravariant__ = False
        self.__infer_variance__ = True
        self._bound_fn = bound
        self._constraints_fn = constraints

    @property
    def __bound__(self):
        return self._bound_fn() if self._bound_fn is not None else None

    @property
    def __constraints__(self):
        return tuple(self._constraints_fn()) if self._constraints_fn is not None else ()


_ParamTypeVar.__name__ = _ParamTypeVar.__qualname__ = 'TypeVar'
_ParamTypeVar.__module__ = 'typing'


def type_var(name, bound=None, constraints=None):
    return _ParamTypeVar(name, bound, constraints)


class _ParamParamSpec(_typing.ParamSpec):
    """A ParamSpec of a type parameter list (its variance is inferred, so its
    repr has no prefix)."""

    def __repr__(self):
        return self.__name__


_ParamParamSpec.__name__ = _ParamParamSpec.__qualname__ = 'ParamSpec'
_ParamParamSpec.__module__ = 'typing'


def param_spec(name):
    return _ParamParamSpec(name)


def type_var_tuple(name):
    return _typing.TypeVarTuple(name)


GENERIC = _typing.Generic


class TypeAliasType:
    """The value of a `type X = ...` statement: `__value__` is computed on first use."""

    def __init__(self, name, type_params, value_fn):
        self.__name__ = name
        self.__qualname__ = name
        self.__type_params__ = type_params
        self._value_fn = value_fn
        self.__module__ = None

    @property
    def __value__(self):
        if self._value_fn is not None:
            self._value = self._value_fn()
            self._value_fn = None
        return self._value

    @property
    def __parameters__(self):
        return self.__type_params__

    def __repr__(self):
        return self.__name__

    def __getitem__(self, params):
        return _typing._GenericAlias(self, params if isinstance(params, tuple) else (params,))

    def __or__(self, other):
        return _typing.Union[self, other]

    def __ror__(self, other):
        return _typing.Union[other, self]


TypeAliasType.__module__ = 'typing'


def type_alias(name, type_params, value_fn, module):
    alias = TypeAliasType(name, type_params, value_fn)
    alias.__module__ = module
    return alias
