# printf-style formatting of bytes and bytearray (PEP 461): each conversion, flags,
# width and precision, mappings with bytes keys, __bytes__, and CPython's errors; and
# the %x / %o of str refusing floats.
tests = [
 (b'%s', 'x'), (b'%c', 256), (b'%c', b'ab'), (b'%c', 'a'), (b'%x', 'a'), (b'%d', 'a'), (b'%z', 1), (b'%s %s', (b'a',)), (b'%s', (b'a', b'b')),
 (b'%(k)s', {b'k': b'v'}), (b'%(k)s', {'k': b'v'}), (b'%(k)s', (1,)), (b'%', ()), (b'%c', -1), (b'%c', 3.0), (b'%b', 3),(b'%5', 1), (b'\xff%s', b'\xfe'),
 (b'%c', memoryview(b'a')), (b'%x', 3.0), (b'%d', 3.9), (b'%o', 2.0), (b'%s', 5),
]
for f, a in tests:
    try: print(repr(f % a))
    except Exception as e: print(type(e).__name__, e)
for f, a in [('%x', 'a'), ('%x', 3.0), ('%X', 2.5), ('%o', 1.0), ('%d', 2.5), ('%d', 'a'), ('%s %s', (1,)), ('%s', (1, 2))]:
    try: print(repr(f % a))
    except Exception as e: print(type(e).__name__, e)
print(bytearray(b'%d-%s') % (1, b'x'), type(bytearray(b'x') % ()))
print(b'%r %a' % ('\xe9', '\xe9'))
print(b'%-5s|%5s|%.2s' % (b'ab', b'cd', b'efgh'))
print(b'%c%c' % (65, b'B'), b'%c' % bytearray(b'Z'), b'%-3c|%3c|' % (66, 67))
print(b'%5.1f %e %g %x %X %o %#x %+d % d %05d' % (3.14159, 1.5, 2.5, 255, 255, 8, 255, 5, 5, -42))
class B:
    def __bytes__(self): return b'BYTES'
class Bad:
    def __bytes__(self): return 'str'
print(b'%s %b' % (B(), memoryview(b'mv')))
try: b'%s' % Bad()
except TypeError as e: print('TypeError', e)
print(b'%s' % bytearray(b'ba'))
print(b'%(a)s %(b)d %(a)r' % {b'a': b'x', b'b': 2})
print(b'%%' % ())
try: b'%s' % {b'a':1}
except Exception as e: print(type(e).__name__, e)
print(b'%s' % (b'k',), b'abc' % {})
try: print(b'abc' % 5)
except Exception as e: print(type(e).__name__, e)
class BB(bytes): pass
print(BB(b'%d') % 5, type(BB(b'%d') % 5))
print(bytes.__mod__(b'%d', 3), bytes.__rmod__(b'x', 3), bytearray.__mod__(bytearray(b'%s'), b'q'))
print(b'%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159))
print(b'%i %u' % (True, 3.7))
class Idx:
    def __index__(self): return 7
print(b'%x %c %d' % (Idx(), Idx(), Idx()), '%x' % Idx())
# multiprocessing's authentication message shape
print(b'#CHALLENGE#' + b'%s:%s' % (b'{sha256}', b'xy'))
print(b'%s' % b'\x00\x80\xff' == b'\x00\x80\xff')
