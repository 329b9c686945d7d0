# CPython's tomllib (it annotates with typing.BinaryIO) parsing a document.
import tomllib

doc = '''
title = "example"
[owner]
name = "Tom"
numbers = [1, 2, 3]
ratio = 0.5
enabled = true

[[items]]
id = 1
[[items]]
id = 2
'''
data = tomllib.loads(doc)
print(data)
print(data['owner']['numbers'], data['items'][1]['id'])
try:
    tomllib.loads('x = ')
except tomllib.TOMLDecodeError as e:
    print(type(e).__name__, e)
try:
    tomllib.loads('a = 1\na = 2')
except tomllib.TOMLDecodeError as e:
    print(type(e).__name__, e)
