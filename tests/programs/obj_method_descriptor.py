# Methods of built-in types looked up on the type are method descriptors; looked
# up on an instance they are bound built-in methods.
import types


def attempt(label, call):
    try:
        print(label, call())
    except Exception as e:
        print(label, type(e).__name__, e)


for m in [list.append, str.join, dict.get, set.add, frozenset.union, tuple.count,
          bytearray.append, bytes.hex, int.bit_length, float.hex, complex.conjugate,
          str.__dict__['join'], list.__dict__['append']]:
    print(type(m).__name__, repr(m), m.__name__, m.__qualname__)
for m in [[].append, 'a'.join, {}.get, (1).bit_length]:
    print(type(m).__name__, repr(m).split(' at 0x')[0], m.__name__)
print(type(len).__name__, repr(len))
print(type(list.append), type(list.append) is types.MethodDescriptorType)
print(types.MethodDescriptorType, types.BuiltinMethodType is type([].append))
print(isinstance(list.append, types.BuiltinFunctionType), callable(list.append))
print(list.append.__objclass__, str.join.__objclass__)

# Calling the descriptor with an instance.
items = []
print(list.append(items, 1), items, str.join('-', 'abc'), dict.get({'a': 1}, 'a'))
print(str.upper('x'), int.bit_length(255), list.append.__get__(items)(2), items)
print(list.append.__get__(None, list) is list.append)
m = list.append
print(m == list.append, hash(m) == hash(list.append), m is list.append)
print(sorted(['b', 'A', 'c'], key=str.lower), list(map(str.strip, [' a ', 'b '])))

# With the wrong receiver.
attempt('int', lambda: list.append(1, 2))
attempt('str join', lambda: str.join(1, []))
attempt('dict get', lambda: dict.get(3, 'a'))
attempt('no self', lambda: list.append())
attempt('no self str', lambda: str.upper())
attempt('too many', lambda: list.append([], 1, 2))


class MyList(list):
    pass


mine = MyList()
list.append(mine, 3)
print(mine, type(MyList.append).__name__, MyList.append is list.append)
