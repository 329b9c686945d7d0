"""A small pure-Python subset of the `typing` module for tripwire."""

import collections
import collections.abc
import sys

TYPE_CHECKING = False

_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return obj.__module__ + '.' + obj.__qualname__
    if obj is ...:
        return '...'
    if type(obj).__name__ == 'function':
        return obj.__name__
    if isinstance(obj, list):
        return '[' + ', '.join([_type_repr(t) for t in obj]) + ']'
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _to_tuple(params):
    if not isinstance(params, tuple):
        params = (params,)
    return params


def _collect_parameters(args):
    params = []
    for a in args:
        if isinstance(a, TypeVar):
            if a not in params:
                params.append(a)
        elif isinstance(a, list):
            for p in _collect_parameters(a):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(a, '__parameters__', ()) if not isinstance(a, type) else ():
                if p not in params:
                    params.append(p)
    return tuple(params)


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return 'ForwardRef(' + repr(self.__forward_arg__) + ')'

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def _evaluate(self, globalns, localns):
        return eval(self.__forward_arg__, globalns, localns)


class _Final:
    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(repr(self) + ' cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(repr(self) + ' cannot be used with issubclass()')


class _SpecialForm(_Final):
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError('Cannot instantiate ' + repr(self))

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(repr(self) + ' is not subscriptable')
        return self._getitem(self, params)

    def __eq__(self, other):
        return self is other

    def __hash__(self):
        return hash(self._name)


class _AnyType(_SpecialForm):
    def __call__(self, *args, **kwds):
        raise TypeError('Any cannot be instantiated')


Any = _AnyType('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')


def _single_item(self, params):
    if isinstance(params, tuple):
        if len(params) != 1:
            raise TypeError(repr(self) + ' accepts only single type.')
        params = params[0]
    return _GenericAlias(self, (_type_check(params),), self._name)


ClassVar = _SpecialForm('ClassVar', _single_item)
Final = _SpecialForm('Final', _single_item)
Required = _SpecialForm('Required', _single_item)
NotRequired = _SpecialForm('NotRequired', _single_item)
ReadOnly = _SpecialForm('ReadOnly', _single_item)
TypeGuard = _SpecialForm('TypeGuard', _single_item)
TypeIs = _SpecialForm('TypeIs', _single_item)


def _deduplicate(params):
    out = []
    for p in params:
        if p not in out:
            out.append(p)
    return out


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    parameters = _to_tuple(parameters)
    flat = []
    for p in parameters:
        p = _type_check(p)
        if isinstance(p, _UnionGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    flat = _deduplicate(flat)
    if len(flat) == 1:
        return flat[0]
    return _UnionGenericAlias(self, tuple(flat))


def _optional_getitem(self, parameters):
    if isinstance(parameters, tuple):
        if len(parameters) != 1:
            raise TypeError(repr(self) + ' accepts only single type.')
        parameters = parameters[0]
    return Union[parameters, None]


def _literal_getitem(self, parameters):
    parameters = _to_tuple(parameters)
    out = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            out.extend(p.__args__)
        else:
            out.append(p)
    seen = []
    for p in out:
        if not any(type(p) is type(q) and p == q for q in seen):
            seen.append(p)
    return _LiteralGenericAlias(self, tuple(seen))


Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)


class _AnnotatedForm(_SpecialForm):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments '
                            '(a type and an annotation).')
        origin = _type_check(params[0])
        metadata = tuple(params[1:])
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        return _AnnotatedAlias(origin, metadata)


Annotated = _AnnotatedForm('Annotated')


class _BaseGenericAlias(_Final):
    _inst = True

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError('Type ' + self._name + ' cannot be instantiated; use '
                            + self.__origin__.__name__ + '() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__'):
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with'
                        ' class and instance checks')

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with'
                        ' class and instance checks')


class _GenericAlias(_BaseGenericAlias):
    def __init__(self, origin, args, name=None, inst=True):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._inst = inst
        self.__parameters__ = _collect_parameters(args)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def _repr_args(self):
        if len(self.__args__) == 0:
            return '()'
        return ', '.join([_type_repr(a) for a in self.__args__])

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        return name + '[' + self._repr_args() + ']'

    def __getitem__(self, params):
        params = _to_tuple(params)
        tvars = self.__parameters__
        if len(params) != len(tvars):
            raise TypeError('Too ' + ('many' if len(params) > len(tvars) else 'few')
                            + ' arguments for ' + repr(self))
        subst = dict(zip(tvars, params))
        return self.copy_with(tuple([_subst(a, subst) for a in self.__args__]))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, self._name, self._inst)


def _subst(arg, subst):
    if isinstance(arg, TypeVar):
        return _type_check(subst.get(arg, arg))
    if isinstance(arg, list):
        return [_subst(a, subst) for a in arg]
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg[tuple([subst[p] for p in arg.__parameters__])]
    return arg


class _UnionGenericAlias(_GenericAlias):
    def __init__(self, origin, args, name=None):
        _GenericAlias.__init__(self, origin, args, 'Union')

    def copy_with(self, args):
        return Union[args]

    def __eq__(self, other):
        if not isinstance(other, _UnionGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return 'typing.Optional[' + _type_repr(args[1]) + ']'
            if args[1] is _NoneType:
                return 'typing.Optional[' + _type_repr(args[0]) + ']'
        return _GenericAlias.__repr__(self)

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if isinstance(a, type):
                if isinstance(obj, a):
                    return True
            elif isinstance(a, _SpecialGenericAlias):
                if isinstance(obj, a.__origin__):
                    return True
            else:
                raise TypeError('Subscripted generics cannot be used with'
                                ' class and instance checks')
        return False

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if isinstance(a, type) and issubclass(cls, a):
                return True
        return False


class _LiteralGenericAlias(_GenericAlias):
    def __init__(self, origin, args, name=None):
        _GenericAlias.__init__(self, origin, args, 'Literal')
        self.__parameters__ = ()

    def _repr_args(self):
        return ', '.join([repr(a) for a in self.__args__])

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        _GenericAlias.__init__(self, origin, (origin,), None)
        self.__metadata__ = metadata

    def __repr__(self):
        return ('typing.Annotated[' + _type_repr(self.__origin__) + ', '
                + ', '.join([repr(a) for a in self.__metadata__]) + ']')

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def copy_with(self, args):
        return _AnnotatedAlias(args[0], self.__metadata__)


class _CallableGenericAlias(_GenericAlias):
    def _repr_args(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return '..., ' + _type_repr(args[1])
        return ('[' + ', '.join([_type_repr(a) for a in args[:-1]]) + '], '
                + _type_repr(args[-1]))

    def copy_with(self, args):
        return _CallableGenericAlias(self.__origin__, args, self._name)


class _SpecialGenericAlias(_BaseGenericAlias):
    """An unsubscripted alias such as typing.List."""

    def __init__(self, origin, nparams, name=None, inst=True):
        self._inst = inst
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name if name is not None else origin.__name__

    def __repr__(self):
        return 'typing.' + self._name

    def __eq__(self, other):
        if isinstance(other, _SpecialGenericAlias):
            return self.__origin__ is other.__origin__ and self._name == other._name
        return NotImplemented

    def __hash__(self):
        return hash((self.__origin__, self._name))

    def __getitem__(self, params):
        params = _to_tuple(params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError('Too ' + ('many' if len(params) > self._nparams else 'few')
                            + ' arguments for ' + repr(self) + '; actual '
                            + str(len(params)) + ', expected ' + str(self._nparams))
        return _GenericAlias(self.__origin__, tuple([_type_check(p) for p in params]),
                             self._name, self._inst)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), 'Tuple', False)
        params = _to_tuple(params)
        if len(params) >= 2 and params[-1] is ...:
            return _GenericAlias(tuple, tuple([_type_check(p) for p in params[:-1]]) + (...,),
                                 'Tuple', False)
        return _GenericAlias(tuple, tuple([_type_check(p) for p in params]), 'Tuple', False)


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if args is ...:
            return _CallableGenericAlias(self.__origin__, (..., _type_check(result)),
                                         self._name)
        if not isinstance(args, list):
            raise TypeError('Callable[args, result]: args must be a list. Got '
                            + _type_repr(args))
        return _CallableGenericAlias(
            self.__origin__,
            tuple([_type_check(a) for a in args]) + (_type_check(result),),
            self._name)


_abc = collections.abc

List = _SpecialGenericAlias(list, 1, 'List', False)
Dict = _SpecialGenericAlias(dict, 2, 'Dict', False)
Set = _SpecialGenericAlias(set, 1, 'Set', False)
FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet', False)
Tuple = _TupleAlias(tuple, -1, 'Tuple', False)
Type = _SpecialGenericAlias(type, 1, 'Type', False)
Callable = _CallableAlias(_abc.Callable, 2, 'Callable')
Hashable = _SpecialGenericAlias(_abc.Hashable, 0)
Sized = _SpecialGenericAlias(_abc.Sized, 0)
Iterable = _SpecialGenericAlias(_abc.Iterable, 1)
Iterator = _SpecialGenericAlias(_abc.Iterator, 1)
Reversible = _SpecialGenericAlias(_abc.Reversible, 1)
Container = _SpecialGenericAlias(_abc.Container, 1)
Collection = _SpecialGenericAlias(_abc.Collection, 1)
Generator = _SpecialGenericAlias(_abc.Generator, 3)
Sequence = _SpecialGenericAlias(_abc.Sequence, 1)
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1)
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, 'AbstractSet')
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1)
Mapping = _SpecialGenericAlias(_abc.Mapping, 2)
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2)
MappingView = _SpecialGenericAlias(_abc.MappingView, 1)
KeysView = _SpecialGenericAlias(_abc.KeysView, 1)
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2)
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1)
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1)
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3)
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1)
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1)
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2)
Deque = _SpecialGenericAlias(collections.deque, 1, 'Deque')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, 'DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, 'OrderedDict')
Counter = _SpecialGenericAlias(collections.Counter, 1, 'Counter')
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2, 'ChainMap')

Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False, default=None):
        self.__name__ = name
        self.__constraints__ = tuple([_type_check(c) for c in constraints])
        self.__bound__ = _type_check(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__module__ = '__main__'

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ''
        elif self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __typing_subst__(self, arg):
        return _type_check(arg)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


AnyStr = TypeVar('AnyStr', bytes, str)
AnyStr.__module__ = 'typing'


class Generic:
    """Base class for generic classes: class C(Generic[T]) (subscripting
    Generic yields Generic itself, since tripwire has no __mro_entries__)."""
    __slots__ = ()
    _is_protocol = False


def _generic_class_getitem(cls, params):
    params = _to_tuple(params)
    if cls is Generic or cls is Protocol:
        return cls
    return _GenericAlias(cls, tuple([_type_check(p) for p in params]))


Generic.__class_getitem__ = _generic_class_getitem


class IO(Generic):
    """The generic type of the objects open() returns: the methods every stream
    has, none implemented here."""
    __slots__ = ()

    @property
    def mode(self): pass

    @property
    def name(self): pass

    def close(self): pass

    @property
    def closed(self): pass

    def fileno(self): pass

    def flush(self): pass

    def isatty(self): pass

    def read(self, n=-1): pass

    def readable(self): pass

    def readline(self, limit=-1): pass

    def readlines(self, hint=-1): pass

    def seek(self, offset, whence=0): pass

    def seekable(self): pass

    def tell(self): pass

    def truncate(self, size=None): pass

    def writable(self): pass

    def write(self, s): pass

    def writelines(self, lines): pass

    def __enter__(self): pass

    def __exit__(self, type, value, traceback): pass


class BinaryIO(IO):
    """The type of binary streams (IO[bytes])."""
    __slots__ = ()

    def write(self, s): pass

    def __enter__(self): pass


class TextIO(IO):
    """The type of text streams (IO[str])."""
    __slots__ = ()

    @property
    def buffer(self): pass

    @property
    def encoding(self): pass

    @property
    def errors(self): pass

    @property
    def line_buffering(self): pass

    @property
    def newlines(self): pass

    def __enter__(self): pass


def _get_protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        for attr in base.__dict__:
            if attr.startswith('_abc_') or attr in (
                    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
                    '__init__', '__module__', '__new__', '__slots__',
                    '__subclasshook__', '__weakref__', '__class_getitem__',
                    '__qualname__', '_is_protocol', '_is_runtime_protocol',
                    '__protocol_attrs__', '__non_callable_proto_members__',
                    '__parameters__', '__orig_bases__', '__firstlineno__',
                    '__static_attributes__'):
                continue
            if attr not in attrs:
                attrs.append(attr)
        for attr in getattr(base, '__annotations__', {}):
            if attr not in attrs:
                attrs.append(attr)
    return attrs


def _nominal_isinstance(cls, instance):
    return any(b is cls for b in type(instance).__mro__)


class _ProtocolMeta(type):
    def __instancecheck__(cls, instance):
        if cls is Protocol:
            return _nominal_isinstance(cls, instance)
        if not cls.__dict__.get('_is_protocol', False):
            return _nominal_isinstance(cls, instance)
        if not cls.__dict__.get('_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with'
                            ' @runtime_checkable protocols')
        if _nominal_isinstance(cls, instance):
            return True
        for attr in _get_protocol_attrs(cls):
            if not hasattr(instance, attr):
                return False
        return True

    def __subclasscheck__(cls, other):
        if cls is Protocol or not cls.__dict__.get('_is_protocol', False):
            return any(b is cls for b in other.__mro__)
        if not cls.__dict__.get('_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with'
                            ' @runtime_checkable protocols')
        if any(b is cls for b in other.__mro__):
            return True
        for attr in _get_protocol_attrs(cls):
            if not any(attr in b.__dict__ for b in other.__mro__):
                return False
        return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    if not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got ' + repr(cls))
    cls._is_runtime_protocol = True
    return cls


runtime = runtime_checkable


# -- NamedTuple -------------------------------------------------------------

class NamedTupleMeta(type):
    def __new__(mcls, typename, bases, ns):
        if ns.get('_root', False):
            return type.__new__(mcls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        fields = list(types)
        defaults = []
        for name in fields:
            if name in ns:
                defaults.append(ns[name])
            elif defaults:
                raise TypeError('Non-default namedtuple field ' + name
                                + ' cannot follow default field'
                                + ('s' if len(defaults) > 1 else '') + ' '
                                + ', '.join(fields[fields.index(name) - len(defaults):fields.index(name)]))
        nm_tpl = collections.namedtuple(typename, fields, defaults=defaults,
                                        module=ns.get('__module__', '__main__'))
        nm_tpl.__annotations__ = dict(types)
        for key in ns:
            if key in ('__module__', '__qualname__', '__annotations__', '__doc__',
                       '__firstlineno__', '__static_attributes__', '__classcell__'):
                continue
            if key in ('_make', '_fields', '_field_defaults', '_replace',
                       '_asdict', '_source', '__new__', '__init__', '__slots__',
                       '__getnewargs__'):
                raise AttributeError('Cannot overwrite NamedTuple attribute ' + key)
            if key not in fields:
                setattr(nm_tpl, key, ns[key])
        if ns.get('__doc__') is not None:
            nm_tpl.__doc__ = ns['__doc__']
        return nm_tpl

    def __call__(cls, typename, fields=None, **kwargs):
        if fields is None:
            fields = list(kwargs.items())
        fields = list(fields)
        nm_tpl = collections.namedtuple(typename, [n for n, t in fields], module='__main__')
        nm_tpl.__annotations__ = dict(fields)
        return nm_tpl


class NamedTuple(metaclass=NamedTupleMeta):
    _root = True


# -- TypedDict --------------------------------------------------------------

class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        if ns.get('_root', False):
            return type.__new__(mcls, name, bases, ns)
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        own = ns.get('__annotations__', {})
        for k, v in own.items():
            origin = getattr(v, '__origin__', None)
            if origin is Required:
                required.add(k)
                optional.discard(k)
            elif origin is NotRequired:
                optional.add(k)
                required.discard(k)
            elif total:
                required.add(k)
                optional.discard(k)
            else:
                optional.add(k)
                required.discard(k)
        annotations.update(own)
        body = {}
        for k, v in ns.items():
            if k != '__annotations__':
                body[k] = v
        body['_root'] = False
        tp = type.__new__(mcls, name, (dict,), body)
        tp.__annotations__ = annotations
        tp.__required_keys__ = frozenset(required)
        tp.__optional_keys__ = frozenset(optional)
        tp.__total__ = total
        return tp

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get('_root', False):
            typename = args[0]
            fields = args[1] if len(args) > 1 else {}
            total = kwargs.pop('total', True)
            fields = dict(fields)
            fields.update(kwargs)
            return _TypedDictMeta.__new__(_TypedDictMeta, typename, (),
                                          {'__annotations__': fields,
                                           '__module__': '__main__'}, total=total)
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError('TypedDict does not support instance and class checks')

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')


class TypedDict(metaclass=_TypedDictMeta):
    _root = True


# -- NewType ----------------------------------------------------------------

class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return self.__module__ + '.' + self.__qualname__

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# -- functions --------------------------------------------------------------

def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError('Expected code to be unreachable, but got: ' + value)


def reveal_type(obj):
    print('Runtime type is ' + repr(type(obj).__name__), file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @typing.overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @typing.overload-ed.')


def overload(func):
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def override(method):
    try:
        method.__override__ = True
    except (AttributeError, TypeError):
        pass
    return method


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


_BuiltinAlias = type(list[int])
_BuiltinUnion = type(int | str)


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias, _BuiltinAlias)):
        return tp.__origin__
    if isinstance(tp, _BuiltinUnion):
        return _BuiltinUnion
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, _BuiltinAlias)):
        res = tp.__args__
        # Callable[[int], str] keeps its parameters flat in __args__.
        is_callable = (isinstance(tp, _CallableGenericAlias)
                       or tp.__origin__ is collections.abc.Callable)
        if is_callable and not (len(res) == 2 and (res[0] is ...
                                                   or isinstance(res[0], ParamSpec))):
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, _BuiltinUnion):
        return tp.__args__
    return ()


def _eval_hint(value, globalns, localns):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        value = value._evaluate(globalns, localns)
        if value is None:
            return _NoneType
        return _eval_hint(value, globalns, localns)
    if isinstance(value, _GenericAlias) and not isinstance(value, _LiteralGenericAlias):
        args = tuple([_eval_hint(a, globalns, localns) if not isinstance(a, list)
                      else [_eval_hint(b, globalns, localns) for b in a]
                      for a in value.__args__])
        if args != value.__args__:
            if isinstance(value, _AnnotatedAlias):
                return _AnnotatedAlias(args[0], value.__metadata__)
            return value.copy_with(args)
    return value


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias) and not isinstance(t, _LiteralGenericAlias):
        args = tuple([_strip_annotations(a) for a in t.__args__])
        if args != t.__args__:
            return t.copy_with(args)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            if globalns is None:
                mod = sys.modules.get(base.__module__)
                base_globals = getattr(mod, '__dict__', {})
            else:
                base_globals = globalns
            base_locals = dict(vars(base)) if localns is None else localns
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, base_locals)
    else:
        ann = getattr(obj, '__annotations__', None)
        if ann is None:
            raise TypeError(repr(obj) + ' is not a module, class, method, or function.')
        if globalns is None:
            globalns = getattr(obj, '__globals__', None)
            if globalns is None:
                globalns = getattr(obj, '__dict__', {})
        if localns is None:
            localns = globalns
        for name, value in ann.items():
            hints[name] = _eval_hint(value, globalns, localns)
    if not include_extras:
        for k in hints:
            hints[k] = _strip_annotations(hints[k])
    return hints


def is_typeddict(tp):
    return isinstance(tp, _TypedDictMeta)


def dataclass_transform(**kwargs):
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


class ParamSpec:
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple:
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__
