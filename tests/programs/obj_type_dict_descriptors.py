# type.__dict__ holds descriptors for the attributes classes keep outside their
# namespace; inspect reads __mro__ and __dict__ through them.
mro = type.__dict__['__mro__']
dct = type.__dict__['__dict__']
print(type(mro).__name__, type(dct).__name__, mro, dct)
print(mro.__name__, mro.__qualname__, mro.__objclass__, dct.__name__)
class A: x = 1
class B(A): pass
print(mro.__get__(B))
print(mro.__get__(None, type) is mro)
print(sorted(k for k in dct.__get__(B) if not k.startswith('__')), dct.__get__(A)['x'])
for bad in (1, 'a'):
    for d in (mro, dct):
        try:
            d.__get__(bad)
        except TypeError as e:
            print(e)
for d in (mro, dct):
    try:
        d.__set__(B, ())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
