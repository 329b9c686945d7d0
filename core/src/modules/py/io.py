"""Streams: the in-memory StringIO and BytesIO, and the abstract stream
classes (IOBase, RawIOBase, BufferedIOBase, TextIOBase)."""

__all__ = ["BlockingIOError", "open", "IOBase", "RawIOBase", "BufferedIOBase",
           "TextIOBase", "StringIO", "BytesIO", "UnsupportedOperation",
           "SEEK_SET", "SEEK_CUR", "SEEK_END", "DEFAULT_BUFFER_SIZE",
           "text_encoding"]

import builtins as _builtins

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

DEFAULT_BUFFER_SIZE = 8192

try:
    open = _builtins.open
except AttributeError:
    pass

try:
    BlockingIOError = _builtins.BlockingIOError
except AttributeError:
    pass


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


def text_encoding(encoding, stacklevel=2, /):
    """A helper function to choose the text encoding."""
    if encoding is None:
        return "utf-8"
    return encoding


class IOBase:
    """The abstract base class for all I/O classes."""

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError('I/O operation on closed file.' if msg is None else msg)

    _check_closed = _checkClosed

    # CPython's names for the checks, which its library's IOBase subclasses call.
    def _checkReadable(self, msg=None):
        if not self.readable():
            raise UnsupportedOperation('File or stream is not readable.'
                                       if msg is None else msg)

    def _checkWritable(self, msg=None):
        if not self.writable():
            raise UnsupportedOperation('File or stream is not writable.'
                                       if msg is None else msg)

    def _checkSeekable(self, msg=None):
        if not self.seekable():
            raise UnsupportedOperation('File or stream is not seekable.'
                                       if msg is None else msg)

    def seek(self, pos, whence=0, /):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None, /):
        self._unsupported("truncate")

    def flush(self):
        self._check_closed()

    __closed = False

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._check_closed()
        return False

    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readline(self, size=-1, /):
        # Built on read(), as CPython's: the line's bytes that peek() shows at once
        # where the stream has peek(), else one byte at a time.
        size = _check_size(size)
        line = bytearray()
        while size < 0 or len(line) < size:
            want = 1
            if hasattr(self, "peek"):
                ahead = self.peek(1)
                if not ahead:
                    break
                want = ahead.find(b"\n") + 1 or len(ahead)
                if size >= 0:
                    want = min(want, size - len(line))
            got = self.read(want)
            if not got:
                break
            line += got
            if line.endswith(b"\n"):
                break
        return bytes(line)

    def readlines(self, hint=-1, /):
        if hint is None or hint <= 0:
            return list(self)
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines, /):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Base class for raw binary I/O: `read` and `readall` over the subclass's
    `readinto`."""

    def read(self, size=-1, /):
        if size is None:
            size = -1
        if size < 0:
            return self.readall()
        buffer = bytearray(size.__index__())
        n = self.readinto(buffer)
        if n is None:
            return None
        del buffer[n:]
        return bytes(buffer)

    def readall(self):
        chunks = []
        while data := self.read(DEFAULT_BUFFER_SIZE):
            chunks.append(data)
        if data is None and not chunks:
            return None
        return b"".join(chunks)

    def readinto(self, buffer, /):
        self._unsupported("readinto")

    def write(self, b, /):
        self._unsupported("write")


class BufferedIOBase(IOBase):
    """Base class for buffered IO objects."""

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    """Base class for text I/O."""

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


for _cls in (IOBase, RawIOBase, BufferedIOBase, TextIOBase):
    _cls.__module__ = 'io'
del _cls


def _check_size(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        try:
            size = type(size).__index__(size)
        except AttributeError:
            raise TypeError("argument should be integer or None, not '%s'"
                            % type(size).__name__) from None
    return size


def _as_int(value):
    if isinstance(value, int):
        return value
    try:
        return type(value).__index__(value)
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None


class _MemoryStream:
    """The shared machinery of StringIO and BytesIO.

    The contents are a list of chunks that are joined lazily: writes at the
    end of the stream (the common case) are appended without copying.
    """

    _empty = ''
    _newline_char = '\n'

    def _init_buffer(self, initial):
        self._chunks = [initial] if initial else []
        self._size = len(initial)
        self._pos = 0
        self._closed = False

    def _value(self):
        chunks = self._chunks
        if len(chunks) == 1:
            return chunks[0]
        value = self._empty.join(chunks)
        self._chunks = [value] if value else []
        return value

    _closed_message = 'I/O operation on closed file.'

    def _checked(self):
        if self._closed:
            raise ValueError(self._closed_message)

    def _put(self, data):
        # Write data at the current position; return its length.
        n = len(data)
        if not n:
            return 0
        pos = self._pos
        if pos == self._size:
            self._chunks.append(data)
            self._size += n
        else:
            value = self._value()
            if pos > self._size:
                value = value + self._pad(pos - self._size)
            value = value[:pos] + data + value[pos + n:]
            self._chunks = [value]
            self._size = len(value)
        self._pos = pos + n
        return n

    def _read(self, size):
        size = _check_size(size)
        pos = self._pos
        if pos >= self._size:
            return self._empty
        value = self._value()
        if size < 0:
            end = self._size
        else:
            end = min(self._size, pos + size)
        self._pos = end
        return value[pos:end]

    def _line_end(self, value, pos, limit):
        # Index just past the end of the line starting at pos.
        i = value.find(self._newline_char, pos, limit)
        if i < 0:
            return limit
        return i + len(self._newline_char)

    def _readline(self, size):
        size = _check_size(size)
        pos = self._pos
        if pos >= self._size:
            return self._empty
        value = self._value()
        limit = self._size if size < 0 else min(self._size, pos + size)
        end = self._line_end(value, pos, limit)
        self._pos = end
        return value[pos:end]

    def seek(self, pos, whence=0, /):
        self._checked()
        pos = _as_int(pos)
        whence = _as_int(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError('Negative seek position %d' % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                self._nonzero_seek("cur")
        elif whence == 2:
            if pos != 0:
                self._nonzero_seek("end")
            self._pos = self._size
        else:
            raise ValueError('Invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def _nonzero_seek(self, kind):
        raise OSError("Can't do nonzero %s-relative seeks" % kind)

    def tell(self):
        self._checked()
        return self._pos

    def truncate(self, pos=None, /):
        self._checked()
        if pos is None:
            pos = self._pos
        else:
            pos = _check_size(pos)
            if pos < 0:
                raise ValueError('Negative size value %d' % pos)
        if pos < self._size:
            value = self._value()[:pos]
            self._chunks = [value] if value else []
            self._size = pos
        return pos

    def readable(self):
        self._checked()
        return True

    def writable(self):
        self._checked()
        return True

    def seekable(self):
        self._checked()
        return True

    def isatty(self):
        self._checked()
        return False

    def flush(self):
        self._checked()

    def close(self):
        self._closed = True
        self._chunks = []

    @property
    def closed(self):
        return self._closed

    def __enter__(self):
        self._checked()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        if self._closed:
            raise ValueError('I/O operation on closed file.')
        return self

    def __next__(self):
        self._checked()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None, /):
        self._checked()
        hint = _check_size(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines, /):
        self._checked()
        for line in lines:
            self.write(line)

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def detach(self):
        raise UnsupportedOperation('detach')


class StringIO(_MemoryStream, TextIOBase):
    """An in-memory text stream.

    StringIO(initial_value='', newline='\n'): the stream starts with
    initial_value, positioned at 0; newline controls line translation as
    for text files.
    """

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s'
                            % type(initial_value).__name__)
        self._closed_message = 'I/O operation on closed file'
        self._newline = newline
        # What a written '\n' becomes.
        self._write_nl = newline if newline else None
        self._init_buffer('')
        if initial_value:
            self._put(self._translate(initial_value))
            self._pos = 0

    def _pad(self, n):
        return '\0' * n

    def _translate(self, s):
        newline = self._newline
        if newline is None:
            if '\r' in s:
                s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif newline in ('\r', '\r\n') and '\n' in s:
            s = s.replace('\n', newline)
        return s

    def _line_end(self, value, pos, limit):
        newline = self._newline
        if newline is None or newline == '\n':
            i = value.find('\n', pos, limit)
            return limit if i < 0 else i + 1
        if newline == '':
            # Any of '\r', '\n' and '\r\n' ends a line.
            i = pos
            while i < limit:
                c = value[i]
                if c == '\n':
                    return i + 1
                if c == '\r':
                    if i + 1 < limit and value[i + 1] == '\n':
                        return i + 2
                    return i + 1
                i += 1
            return limit
        i = value.find(newline, pos, limit)
        return limit if i < 0 else i + len(newline)

    def write(self, s, /):
        self._checked()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'"
                            % type(s).__name__)
        n = len(s)
        self._put(self._translate(s))
        return n

    def read(self, size=-1, /):
        self._checked()
        return self._read(size)

    def readline(self, size=-1, /):
        self._checked()
        return self._readline(size)

    def getvalue(self):
        self._checked()
        return self._value()

    @property
    def line_buffering(self):
        self._checked()
        return False

    @property
    def newlines(self):
        self._checked()
        return None

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)


class BytesIO(_MemoryStream, BufferedIOBase):
    """An in-memory binary stream."""

    _empty = b''
    _newline_char = b'\n'

    def __init__(self, initial_bytes=None):
        if initial_bytes is None:
            initial = b''
        elif isinstance(initial_bytes, bytes):
            initial = initial_bytes
        elif isinstance(initial_bytes, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        else:
            initial = bytes(initial_bytes)
        self._init_buffer(initial)

    def _pad(self, n):
        return b'\0' * n

    def seek(self, pos, whence=0, /):
        self._checked()
        pos = _as_int(pos)
        whence = _as_int(whence)
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, self._size + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        self._pos = pos
        return pos

    def write(self, b, /):
        self._checked()
        if not isinstance(b, bytes):
            if isinstance(b, (str, int, float, list, tuple, dict, set)) or b is None:
                raise TypeError("a bytes-like object is required, not '%s'"
                                % type(b).__name__)
            b = bytes(b)
        return self._put(b)

    def read(self, size=-1, /):
        self._checked()
        return self._read(size)

    read1 = read

    def readline(self, size=-1, /):
        self._checked()
        return self._readline(size)

    def getvalue(self):
        self._checked()
        return self._value()

    def getbuffer(self):
        """A view of the contents. Unlike CPython's it is a read-only snapshot:
        writing through it raises TypeError instead of changing the stream."""
        self._checked()
        return memoryview(self._value())

    def readinto(self, buffer, /):
        data = self.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n


StringIO.__module__ = '_io'
BytesIO.__module__ = '_io'
