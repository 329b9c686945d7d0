# _abc, the native ABC machinery of CPython's abc.py, directly and under CPython's
# abc.py (imported under another name: the bundled abc comes first).
import _abc
import os
import shutil
import sys
import tempfile

tmp = tempfile.mkdtemp()
os.symlink(os.path.join(os.path.dirname(os.__file__), 'abc.py'),
           os.path.join(tmp, 'cpython_abc.py'))
sys.path.insert(0, tmp)
import cpython_abc as abc
shutil.rmtree(tmp)


def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)


print(abc.ABCMeta.__module__, abc.ABCMeta.__name__, abc.get_cache_token is _abc.get_cache_token)


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    @property
    @abc.abstractmethod
    def name(self):
        ...

    def describe(self):
        return f'{self.name}: {self.area()}'


print(sorted(Shape.__abstractmethods__), type(Shape.__abstractmethods__).__name__)
show(Shape)


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


print(sorted(Square.__abstractmethods__))
show(Square, 2)


class Named(Square):
    name = 'square'


print(Named.__abstractmethods__, Named(3).describe())
print(isinstance(Named(1), Shape), issubclass(Named, Shape), issubclass(int, Shape))

# Virtual subclasses
token = abc.get_cache_token()


class Sized(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any('__len__' in B.__dict__ for B in C.__mro__)
        return NotImplemented


print(issubclass(list, Sized), isinstance('abc', Sized), issubclass(int, Sized))


class Base(metaclass=abc.ABCMeta):
    pass


class Other:
    pass


print(issubclass(Other, Base), isinstance(Other(), Base))
print(Base.register(Other) is Other, abc.get_cache_token() == token + 1)
print(issubclass(Other, Base), isinstance(Other(), Base))
print(Base.register(Other) is Other, abc.get_cache_token() == token + 1)


class Sub(Base):
    pass


class Virtual:
    pass


Sub.register(Virtual)
print(issubclass(Virtual, Base), issubclass(Virtual, Sub), isinstance(Virtual(), Base))
show(Base.register, 3)
show(Sub.register, Base)
show(issubclass, 3, Base)
show(isinstance, 3, Base)
registry, cache, negative, version = _abc._get_dump(Base)
print(len(registry), type(cache).__name__, type(negative).__name__, version <= abc.get_cache_token())
Base._abc_registry_clear()
Base._abc_caches_clear()
print(issubclass(Other, Base), issubclass(Virtual, Base))


class Broken(metaclass=abc.ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        return 'yes'


show(issubclass, int, Broken)


class Instance:
    __class__ = Square


print(isinstance(Instance(), Shape), isinstance(Instance(), Broken.__class__))


# update_abstractmethods
class Late(abc.ABC):
    @abc.abstractmethod
    def f(self):
        ...


Late.f = lambda self: 1
print(sorted(Late.__abstractmethods__), sorted(abc.update_abstractmethods(Late).__abstractmethods__))

# the module's functions themselves
show(_abc._abc_init, 3)
show(_abc._abc_instancecheck, int, 3)
show(_abc._abc_subclasscheck, Base, 'x')
show(_abc._reset_registry, Base)
show(_abc._reset_caches, Base)
show(_abc.get_cache_token, 1)
print(type(_abc.get_cache_token()).__name__)
