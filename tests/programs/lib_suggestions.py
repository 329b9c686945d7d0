# The native _suggestions behind traceback's "Did you mean": the nearest
# candidate by CPython's byte-wise edit distance, its bounds and its errors.
import _suggestions

g = _suggestions._generate_suggestions
words = ['apple', 'apply', 'banana', 'Apple', 'grape', 'orange', 'append', 'extend',
         'insert', 'remove', 'values', 'items', 'keys', 'value', 'é_value', 'e_value',
         'snake_case', 'SnakeCase', 'counter', 'count', 'x', 'xy', '']
for wrong in ['appel', 'APPLE', 'Aple', 'banan', 'bananas', 'grap', 'orang', 'apend',
              'extnd', 'inser', 'remve', 'valeus', 'itms', 'kyes', 'vlaue', 'É_value',
              'snakecase', 'snake_cas', 'countr', 'cnt', 'x', 'y', 'z', '', 'zzzzzz',
              'a' * 40, 'a' * 41, 'counterr', 'SNAKE_CASE']:
    print(repr(wrong), repr(g(words, wrong)))
print(g(['x%d' % i for i in range(749)] + ['apple'], 'appel'),
      g(['x%d' % i for i in range(748)] + ['apple'], 'appel'))
print(g(['a' * 41], 'a' * 40 + 'b'), g(['ab'], 'a' * 41), g([], 'x'))
for args in [(['a', 1], 'x'), (('a',), 'x'), (['a'], 1), ()]:
    try:
        g(*args)
    except TypeError as e:
        print("TypeError:", e)

