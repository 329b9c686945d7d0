# typing.IO, BinaryIO and TextIO: the generic stream types and their methods.
import typing
from typing import IO, BinaryIO, TextIO

for cls in (IO, BinaryIO, TextIO):
    print(cls.__name__, [c.__name__ for c in cls.__mro__])
print(issubclass(BinaryIO, IO), issubclass(TextIO, IO), issubclass(TextIO, BinaryIO))
print(sorted(n for n in ('read', 'write', 'seek', 'tell', 'close', 'fileno',
                         'readline', 'writelines', '__enter__', '__exit__')
             if callable(getattr(IO, n))))
print(sorted(n for n in ('buffer', 'encoding', 'errors', 'line_buffering', 'newlines')
             if isinstance(getattr(TextIO, n), property)))
print(isinstance(IO.mode, property), isinstance(IO.name, property), isinstance(IO.closed, property))
print(IO.__slots__, BinaryIO.__slots__, TextIO.__slots__)


def save(stream: BinaryIO, data: bytes) -> int:
    return len(data)


print(save.__annotations__['stream'] is typing.BinaryIO, save(None, b'abc'))
