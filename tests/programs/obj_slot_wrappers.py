# Special methods of built-in types are slot wrappers (wrapper_descriptor) on the
# type and method-wrappers bound; built-in class methods are
# classmethod_descriptor objects in the type's namespace.
import types


def show(v):
    # Addresses differ from run to run.
    print(type(v).__name__, repr(v).split(' at 0x')[0])


for v in [object.__init__, int.__add__, list.__len__, str.__getitem__,
          dict.__setitem__, object.__setattr__, object.__repr__, int.__repr__,
          float.__lt__, type.__call__, object.__eq__, list.__iter__]:
    show(v)
for v in [(1).__add__, [].__len__, object().__str__, 'a'.__getitem__,
          (2.5).__lt__, int.__call__]:
    show(v)
# Dunders that are not slots stay method descriptors.
for v in [object.__format__, int.__format__, list.__reversed__]:
    show(v)
for v in [dict.__dict__['fromkeys'], object.__dict__['__init_subclass__']]:
    show(v)
print(types.WrapperDescriptorType is type(object.__init__),
      types.MethodWrapperType is type((1).__add__),
      types.ClassMethodDescriptorType is type(dict.__dict__['fromkeys']))
print(types.WrapperDescriptorType.__name__, types.MethodWrapperType.__name__,
      types.ClassMethodDescriptorType.__name__)
print(isinstance(dict.__dict__['fromkeys'], classmethod),
      isinstance(object.__init__, types.BuiltinFunctionType))

# They work as what they wrap.
print(int.__add__(2, 3), (2).__add__(5), list.__len__([1, 2]), [1].__len__())
print(int.__add__.__get__(4)(1), int.__add__.__get__(None, int) is int.__add__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
print((1).__add__.__self__, (1).__add__.__name__)
print(dict.fromkeys('ab'), dict.__dict__['fromkeys'].__get__(None, dict)('xy', 0))
print(sorted([3, 1, 2], key=int.__neg__), list(map(str.__len__, ['ab', 'c'])))


class Sub(dict):
    pass


print(type(Sub.fromkeys('a')).__name__, Sub.__init__ is dict.__init__)
print(callable(object.__init__), callable((1).__add__))

# A classmethod_descriptor called directly takes the class first.
fromkeys = dict.__dict__['fromkeys']
print(callable(fromkeys), fromkeys(dict, 'ab', 0), type(fromkeys(Sub, 'a')).__name__)
for args in [(), (1,), (int, 'a')]:
    try:
        fromkeys(*args)
    except TypeError as e:
        print("TypeError:", e)
