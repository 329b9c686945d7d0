# Subclasses of bytearray, complex, enumerate and zip: their own methods,
# __init__ / __new__ overrides, the inherited behaviour, repr and errors.
class E(enumerate):
    def __init__(self, it, start=0):
        self.seen = 0
    def __next__(self):
        self.seen += 1
        i, x = super().__next__()
        return i * 10, x
e = E('abc', 1)
print(list(e), e.seen, type(e).__name__, isinstance(e, enumerate))
class E2(enumerate):
    def __new__(cls, it):
        return super().__new__(cls, it, 5)
print(list(E2('xy')), repr(E2('x'))[:15])
class Z(zip):
    def total(self): return [sum(t) for t in self]
z = Z([1, 2], [3, 4])
print(z.total(), list(Z('ab', 'cd')), list(Z('abc', 'de', strict=False)))
try: list(Z('abc', 'de', strict=True))
except ValueError as ex: print(ex)
class C(complex):
    def __repr__(self): return 'C' + super().__repr__()
    def norm(self): return abs(self)
c = C(3, 4)
print(c, c.norm(), c.real, c.imag, c + 1, c * 2, c == 3+4j, type(c + 1).__name__, c.conjugate(), complex(c), hash(c) == hash(3+4j))
class C2(complex): pass
print(repr(C2(1, 2)), C2('1+2j'), C2(), -C2(1, 1), abs(C2(3, 4)))
class C3(complex):
    def __new__(cls, x):
        return super().__new__(cls, x, x)
print(C3(2), type(C3(2)).__name__)
class B(bytearray):
    def first(self): return self[0]
b = B(b'hello')
print(b, len(b), b.first(), b[1:3], b.upper(), type(b.upper()).__name__, b == b'hello', bytes(b), list(b)[:2])
b.append(33); b.extend(b'??'); b[0] = 72
print(b, b.decode(), b.find(b'l'), b'ell' in b, b + b'x', repr(b))
class B2(bytearray):
    def __init__(self, n, fill):
        super().__init__(bytes([fill]) * n)
print(B2(3, 65), B2(2, 66).hex())
for base in [enumerate, zip, complex, bytearray]:
    class X(base): pass
    print(X.__mro__[1], X.__name__)
try:
    class Bad(bytearray, complex): pass
except TypeError as ex: print(ex)


def attempt(label, call):
    try:
        print(label, call())
    except Exception as ex:
        print(label, type(ex).__name__, ex)


b = B(b'ab')
b.tag = 'kept'
b += b'cd'
print(b, type(b).__name__, b.tag, b * 2, isinstance(b, bytearray), B() == bytearray())
b2 = b
b2 *= 2
print(b2 is b, b)
attempt('hash', lambda: hash(B(b'x')))
attempt('bad init', lambda: B(1.5))
attempt('bad item', lambda: B(b'x').append(256))
c = C(1, 2)
c.tag = 'kept'
print(c.tag, c ** 2, c - 1j, 2 * c, c / 2, complex.__repr__(c), bool(C(0)), isinstance(c, complex))
attempt('order', lambda: c < c)
attempt('bad complex', lambda: C('x'))
attempt('two strs', lambda: C('1', '2'))
e = E([])
e.tag = 'kept'
print(e.tag, iter(e) is e, list(e))
attempt('bad enumerate', lambda: E(5))
attempt('zip len', lambda: len(Z()))
print(list(Z()), next(Z('a', 'b')), isinstance(Z(), zip))
