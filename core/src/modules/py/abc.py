"""Abstract Base Classes (PEP 3119).

ABCMeta is built on the native `_abc` of tripwire's standard-library crate where it is
present (as CPython's on its C `_abc`), else on the Python machinery below. With
CPython's library found, CPython's own abc.py runs instead, on the same `_abc`.
"""

__all__ = ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']


def abstractmethod(funcobj):
    """Mark a method as abstract.

    A class whose metaclass is ABCMeta cannot be instantiated while it has
    abstract methods that no subclass has overridden.
    """
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """A classmethod that is also abstract (deprecated: stack @classmethod
    on @abstractmethod instead)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A staticmethod that is also abstract (deprecated: stack
    @staticmethod on @abstractmethod instead)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A property that is also abstract (deprecated: stack @property on
    @abstractmethod instead)."""

    __isabstractmethod__ = True


try:
    from _abc import (get_cache_token, _abc_init, _abc_register,
                      _abc_instancecheck, _abc_subclasscheck, _get_dump,
                      _reset_registry, _reset_caches)
except ImportError:
    # Bumped by every ABCMeta.register() call; negative caches older than this
    # are stale.
    _abc_invalidation_counter = 0

    def _abstracts_of(cls, namespace, bases):
        names = set()
        for name, value in namespace.items():
            if getattr(value, "__isabstractmethod__", False):
                names.add(name)
        for base in bases:
            for name in getattr(base, "__abstractmethods__", ()):
                value = getattr(cls, name, None)
                if getattr(value, "__isabstractmethod__", False):
                    names.add(name)
        return frozenset(names)

    class ABCMeta(type):
        """Metaclass of abstract base classes.

        Classes made with it can be inherited from (they then act as mixins),
        and other classes can be declared "virtual subclasses" with register():
        isinstance() and issubclass() accept them, though the ABC never appears
        in their MRO.  A class may also be accepted structurally, by the ABC's
        __subclasshook__.
        """

        __module__ = "abc"

        def __init__(cls, name, bases, namespace, /, **kwargs):
            cls.__abstractmethods__ = _abstracts_of(cls, namespace, bases)
            cls._abc_registry = set()
            cls._abc_cache = set()
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = _abc_invalidation_counter
            cls._abc_subclasses = []
            for base in bases:
                known = getattr(base, "_abc_subclasses", None)
                if known is not None and isinstance(base, ABCMeta):
                    known.append(cls)

        def register(cls, subclass):
            """Make `subclass` a virtual subclass of this ABC; returns it, so
            this can be used as a class decorator."""
            global _abc_invalidation_counter
            if not isinstance(subclass, type):
                raise TypeError("Can only register classes")
            if issubclass(subclass, cls):
                # Nothing to do (this also makes X.register(X) a no-op).
                return subclass
            if issubclass(cls, subclass):
                raise RuntimeError("Refusing to create an inheritance cycle")
            cls._abc_registry.add(subclass)
            # Every negative cache may now be wrong.
            _abc_invalidation_counter += 1
            return subclass

        def _dump_registry(cls, file=None):
            """Print the registry and caches (a debugging aid)."""
            print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
            print(f"Inv. counter: {_abc_invalidation_counter}", file=file)
            for name in ("_abc_registry", "_abc_cache", "_abc_negative_cache",
                         "_abc_negative_cache_version"):
                print(f"{name}: {getattr(cls, name)!r}", file=file)

        def _abc_registry_clear(cls):
            """Forget every registered virtual subclass."""
            cls._abc_registry.clear()

        def _abc_caches_clear(cls):
            """Empty the positive and negative caches."""
            cls._abc_cache.clear()
            cls._abc_negative_cache.clear()

        def __instancecheck__(cls, instance):
            """isinstance(instance, cls)"""
            subclass = instance.__class__
            if subclass in cls._abc_cache:
                return True
            subtype = type(instance)
            if subtype is subclass:
                if (cls._abc_negative_cache_version == _abc_invalidation_counter
                        and subclass in cls._abc_negative_cache):
                    return False
                # Fall back to the subclass check.
                return cls.__subclasscheck__(subclass)
            return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

        def __subclasscheck__(cls, subclass):
            """issubclass(subclass, cls)"""
            if not isinstance(subclass, type):
                raise TypeError('issubclass() arg 1 must be a class')
            if subclass in cls._abc_cache:
                return True
            if cls._abc_negative_cache_version < _abc_invalidation_counter:
                # Something was registered since the negative cache was filled.
                cls._abc_negative_cache.clear()
                cls._abc_negative_cache_version = _abc_invalidation_counter
            elif subclass in cls._abc_negative_cache:
                return False
            # 1. The class's own structural test.
            hook = getattr(cls, "__subclasshook__", None)
            ok = NotImplemented if hook is None else hook(subclass)
            if ok is not NotImplemented:
                if ok:
                    cls._abc_cache.add(subclass)
                else:
                    cls._abc_negative_cache.add(subclass)
                return ok
            # 2. Real inheritance.
            if cls in getattr(subclass, '__mro__', ()):
                cls._abc_cache.add(subclass)
                return True
            # 3. Virtual subclasses, and what they accept in turn.
            for rcls in list(cls._abc_registry):
                if issubclass(subclass, rcls):
                    cls._abc_cache.add(subclass)
                    return True
            # 4. What the real subclasses of this ABC accept.
            for scls in list(cls._abc_subclasses):
                if issubclass(subclass, scls):
                    cls._abc_cache.add(subclass)
                    return True
            # Not a subclass: remember that until the next register().
            cls._abc_negative_cache.add(subclass)
            return False


    def get_cache_token():
        """An opaque value that changes whenever any ABC registers a class."""
        return _abc_invalidation_counter
else:
    class ABCMeta(type):
        """Metaclass of abstract base classes.

        Classes made with it can be inherited from (they then act as mixins),
        and other classes can be declared "virtual subclasses" with register():
        isinstance() and issubclass() accept them, though the ABC never appears
        in their MRO.  A class may also be accepted structurally, by the ABC's
        __subclasshook__.
        """

        def __new__(mcls, name, bases, namespace, /, **kwargs):
            cls = super().__new__(mcls, name, bases, namespace, **kwargs)
            _abc_init(cls)
            return cls

        def register(cls, subclass):
            """Make `subclass` a virtual subclass of this ABC; returns it, so
            this can be used as a class decorator."""
            return _abc_register(cls, subclass)

        def __instancecheck__(cls, instance):
            """isinstance(instance, cls)"""
            return _abc_instancecheck(cls, instance)

        def __subclasscheck__(cls, subclass):
            """issubclass(subclass, cls)"""
            return _abc_subclasscheck(cls, subclass)

        def _dump_registry(cls, file=None):
            """Print the registry and caches (a debugging aid)."""
            print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
            print(f"Inv. counter: {get_cache_token()}", file=file)
            registry, cache, negative, version = _get_dump(cls)
            print(f"_abc_registry: {registry!r}", file=file)
            print(f"_abc_cache: {cache!r}", file=file)
            print(f"_abc_negative_cache: {negative!r}", file=file)
            print(f"_abc_negative_cache_version: {version!r}", file=file)

        def _abc_registry_clear(cls):
            """Forget every registered virtual subclass."""
            _reset_registry(cls)

        def _abc_caches_clear(cls):
            """Empty the positive and negative caches."""
            _reset_caches(cls)


class ABC(metaclass=ABCMeta):
    """Inherit from ABC to make an abstract base class without spelling
    out metaclass=ABCMeta."""
    __module__ = "abc"
    __slots__ = ()


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or
    replaced on an existing abstract class."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls
