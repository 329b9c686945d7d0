# The native _string: format strings split into (literal, field, spec,
# conversion) steps and field names into their accesses, as string.Formatter
# and CPython's own string module read them.
import _string
import string

for text in ['a{{b}}c{0!r:>5}d', '', 'x', '{}', '{:{w}}', '{a.b[c]!s}', '}}',
             '{{', 'a{!r}', '{0:}', 'é{名}ü', '{0[]]}', '{x[a:b]}', '{0!a:{1}.{2}}']:
    print(repr(text), list(_string.formatter_parser(text)))
for text in ['{', '}', 'a}b', '{0', '{0!', '{0!rr}', '{0!r', '{0:{', '{0:}}',
             '{0!}', '{0[}', '{a{b}']:
    try:
        print(repr(text), list(_string.formatter_parser(text)))
    except ValueError as e:
        print(repr(text), "ValueError:", e)
for name in ['a.b[0].c', '0[x]', 'a', '', '12', '-1', 'a[01]', 'a.b[1][2]', '[0]',
             '.x', 'a[x.y]']:
    first, rest = _string.formatter_field_name_split(name)
    print(repr(name), repr(first), list(rest))
for name in ['0.', 'a[', 'a[]', 'a[0]x', 'a..b', 'a[0]]']:
    try:
        first, rest = _string.formatter_field_name_split(name)
        print(repr(name), repr(first), list(rest))
    except ValueError as e:
        print(repr(name), "ValueError:", e)
for bad in [1, b'x']:
    for f in (_string.formatter_parser, _string.formatter_field_name_split):
        try:
            f(bad)
        except TypeError as e:
            print("TypeError:", e)


class Point:
    x, y = 3, 4


f = string.Formatter()
print(f.format('{0.x}-{0.y}|{1[k]:>4}|{2!r}', Point(), {'k': 'v'}, 'q'))
print(list(f.parse('a{b}c{d!s:>{w}}')))
