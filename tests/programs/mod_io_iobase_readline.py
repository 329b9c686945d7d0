# IOBase.readline over a subclass's read() (and peek() where it has one), as
# zipfile's ZipExtFile reads lines.
import io


class Chunks(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.reads = 0

    def readable(self):
        return True

    def read(self, n=-1):
        self.reads += 1
        if n < 0:
            n = len(self.data)
        out, self.data = self.data[:n], self.data[n:]
        return out


class Peeking(Chunks):
    def peek(self, n=0):
        return self.data[:5]


for cls in (Chunks, Peeking):
    s = cls(b'first\nsecond line\n\nlast')
    print(cls.__name__, s.readline(), s.readline(3), s.readline(None), s.readline(-1),
          s.readline(), s.readline(), s.reads > 0)
    print(list(cls(b'a\nb\nc')))
try:
    Chunks(b'x').readline('1')
except TypeError as e:
    print(e)
