# The str methods over text with lone surrogates: each is exact, never U+FFFD.
s = ' ab\udc80Cd\ud800 x\udc80y '
print(repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.swapcase()), repr(s.casefold()), repr(s.capitalize()))
print(repr(s.strip()), repr(s.lstrip(' a')), repr(s.rstrip(' y')), repr(s.strip(' \udc80ab')))
print(s.split(), s.split('\udc80'), s.rsplit('\udc80', 1), s.split('\ufffd'), 'a\ud800b\ufffdc'.split('\ufffd'))
print(s.partition('\ud800'), s.rpartition('\udc80'), s.partition('\ufffd'))
print(repr(s.replace('\udc80', '\udfff')), repr(s.replace('\ufffd', '!')), repr(s.replace('x', '\ud801')))
print(s.startswith(' ab\udc80'), s.startswith(' ab\ufffd'), s.endswith(('q', 'y ')), s.endswith('\udc80y '))
print(repr(s.center(30, '*')), repr(s.zfill(30)), repr('\ud800'.ljust(3, '\udc00')), repr(s.expandtabs()))
print('\ud800'.isprintable(), '\ufffd'.isprintable(), '\ud800'.isalpha(), '\ud800a'.isascii(), '\ud800'.isidentifier(), '\ud800'.isspace())
print(repr(s.removeprefix(' ab\udc80')), repr(s.removesuffix('y ')), repr('a\ud800\nb'.splitlines()), 'A\ud800'.isupper(), 'a\ud800B'.istitle())
print(repr('x\udcff'.encode('utf-8', 'surrogateescape').decode('utf-8', 'surrogateescape').upper()))
class S(str): pass
print(repr(S('a\ud800').upper()), repr('\U000f0000\ud800'.upper()), repr('\ud800'.upper()))
n = 'f\udcffile'
print(repr('%s: %r' % (n, n)), repr('<%s>' % n), repr('%-8s|' % n), repr('{} {!r} {:>8}'.format(n, n, n)))
print(repr('{a}'.format_map({'a': 1})), repr('%(a)s' % {'a': 'x'}), repr('\ud800%d' % 5), repr(f'{n:>8}'), repr(f'{n!r:>12}'))
import json
print(json.dumps('\ud800x'), repr(json.loads('"\\ud800x\\udc80"')), repr(json.loads(json.dumps('a\udcff'))))
for f in (int, float):
    try:
        f('1\ud800')
    except ValueError as e:
        print(e)
