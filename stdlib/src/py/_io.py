"""_io: the I/O stack under CPython's io.py and the `open` builtin.

FileIO (raw file descriptor I/O over posix), the buffered layers (BufferedReader,
BufferedWriter, BufferedRandom, BufferedRWPair: one `_Buffered` class with a read
and a write buffer), TextIOWrapper (its reading, line splitting, encoding and `tell`
are native, in `_textio`), and `open`. The abstract bases, StringIO and BytesIO are
tripwire's bundled io module, served here as `_iobase`.
"""

from _iobase import (IOBase as _IOBase, RawIOBase as _RawIOBase,
                     BufferedIOBase as _BufferedIOBase,
                     TextIOBase as _TextIOBase, StringIO, BytesIO,
                     UnsupportedOperation, DEFAULT_BUFFER_SIZE)
import _posixcall as _os
import _textio
import _codecs

BlockingIOError = BlockingIOError

_CLOSED = "I/O operation on closed file."
_SEEK_SET, _SEEK_CUR, _SEEK_END = 0, 1, 2
_S_IFMT, _S_IFDIR = 0o170000, 0o040000


def text_encoding(encoding, stacklevel=2, /):
    """The encoding to use: `encoding`, or "locale" for None (UTF-8 here)."""
    if encoding is None:
        return "locale"
    return encoding


def _fspath(file):
    if isinstance(file, (str, bytes)):
        return file
    method = getattr(type(file), "__fspath__", None)
    if method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(file).__name__)
    path = method(file)
    if not isinstance(path, (str, bytes)):
        raise TypeError(f"expected {type(file).__name__}.__fspath__() to return "
                        f"str or bytes, not {type(path).__name__}")
    return path


def _parse_raw_mode(mode):
    """FileIO's mode: (flags, readable, writable, created, appending)."""
    if not isinstance(mode, str):
        raise TypeError(f"FileIO() argument 'mode' must be str, not "
                        f"{type(mode).__name__}")
    counts = {c: mode.count(c) for c in set(mode)}
    if set(counts) - set("rwxab+") or any(n > 1 for n in counts.values()):
        raise ValueError(f"invalid mode: {mode}")
    kinds = sum(c in counts for c in "rwxa")
    if kinds != 1:
        raise ValueError("Must have exactly one of create/read/write/append "
                         "mode and at most one plus")
    plus = "+" in counts
    if "r" in counts:
        flags, readable, writable = _os.O_RDONLY, True, plus
    elif "w" in counts:
        flags, readable, writable = _os.O_WRONLY | _os.O_CREAT | _os.O_TRUNC, plus, True
    elif "x" in counts:
        flags, readable, writable = _os.O_WRONLY | _os.O_CREAT | _os.O_EXCL, plus, True
    else:
        flags, readable, writable = _os.O_WRONLY | _os.O_CREAT | _os.O_APPEND, plus, True
    if plus:
        flags = (flags & ~_os.O_WRONLY) | _os.O_RDWR
    return flags, readable, writable, "x" in counts, "a" in counts


class FileIO(_RawIOBase):
    """Raw I/O on an OS file descriptor."""

    _fd = -1
    _closefd = True

    def __init__(self, file, mode="r", closefd=True, opener=None):
        if self._fd >= 0:
            if self._closefd:
                _os.close(self._fd)
            self._fd = -1
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        flags, self._readable, self._writable, self._created, self._appending = \
            _parse_raw_mode(mode)
        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            fd = file
            self._closefd = closefd
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            path = _fspath(file)
            if opener is None:
                fd = _os.open(path, flags, 0o666)
            else:
                fd = opener(path, flags)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise ValueError(f"opener returned {fd}")
            self._closefd = True
        self._fd = fd
        try:
            st = _os.fstat(fd)
            if st[0] & _S_IFMT == _S_IFDIR:
                raise IsADirectoryError(21, _os.strerror(21), file)
            self._blksize = st[13] if st[13] > 1 else DEFAULT_BUFFER_SIZE
            if self._appending:
                _os.lseek(fd, 0, _SEEK_END)
        except BaseException:
            if self._closefd:
                _os.close(fd)
            self._fd = -1
            raise
        self.name = file
        self._seekable = None

    def __repr__(self):
        name = type(self).__qualname__
        if self.closed:
            return f"<_io.{name} [closed]>"
        try:
            shown = f"name={self.name!r}"
        except AttributeError:
            shown = f"fd={self._fd}"
        return f"<_io.{name} {shown} mode={self.mode!r} closefd={self._closefd!r}>"

    def __del__(self):
        if self._fd >= 0 and self._closefd and not self.closed:
            self.close()

    def _check(self, readable=False, writable=False):
        if self._fd < 0:
            raise ValueError(_CLOSED)
        if readable and not self._readable:
            raise UnsupportedOperation("File not open for reading")
        if writable and not self._writable:
            raise UnsupportedOperation("File not open for writing")

    @property
    def closed(self):
        return self._fd < 0

    @property
    def closefd(self):
        return self._closefd

    @property
    def mode(self):
        if self._created:
            return "xb+" if self._readable else "xb"
        if self._appending:
            return "ab+" if self._readable else "ab"
        if self._readable:
            return "rb+" if self._writable else "rb"
        return "wb"

    def fileno(self):
        self._check()
        return self._fd

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        if self._seekable is None:
            try:
                _os.lseek(self._fd, 0, _SEEK_CUR)
                self._seekable = True
            except OSError:
                self._seekable = False
        return self._seekable

    def isatty(self):
        self._check()
        return _os.isatty(self._fd)

    def read(self, size=-1, /):
        self._check(readable=True)
        if size is None or size < 0:
            return self.readall()
        return _os.read(self._fd, size)

    def readall(self):
        self._check(readable=True)
        chunks = []
        while True:
            data = _os.read(self._fd, max(self._blksize, 65536))
            if not data:
                return b"".join(chunks)
            chunks.append(data)

    def readinto(self, buffer, /):
        self._check(readable=True)
        view = memoryview(buffer).cast("B")
        data = _os.read(self._fd, len(view))
        view[:len(data)] = data
        return len(data)

    def write(self, data, /):
        self._check(writable=True)
        return _os.write(self._fd, data)

    def seek(self, pos, whence=_SEEK_SET, /):
        if isinstance(pos, float):
            raise TypeError("an integer is required")
        self._check()
        return _os.lseek(self._fd, pos, whence)

    def tell(self):
        self._check()
        return _os.lseek(self._fd, 0, _SEEK_CUR)

    def truncate(self, size=None, /):
        self._check(writable=True)
        if size is None:
            size = self.tell()
        _os.ftruncate(self._fd, size)
        return size

    def close(self):
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            if self._closefd:
                _os.close(fd)


class _Buffered(_BufferedIOBase):
    """A buffered binary stream over a raw one: reads fill `_rbuf` (unread from
    `_rpos`), writes collect in `_wbuf`. Reading first writes what is held, and
    writing first drops what was read ahead (seeking the raw stream back)."""

    _reading = _writing = False

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        if buffer_size <= 0:
            raise ValueError("buffer size must be strictly positive")
        if self._reading and not raw.readable():
            raise OSError('"raw" argument must be readable.')
        if self._writing and not raw.writable():
            raise OSError('"raw" argument must be writable.')
        self._raw = raw
        self.buffer_size = buffer_size
        self._rbuf = b""
        self._rpos = 0
        self._wbuf = bytearray()

    @property
    def raw(self):
        return self._raw

    def __repr__(self):
        name = type(self).__qualname__
        try:
            return f"<_io.{name} name={self.name!r}>"
        except AttributeError:
            return f"<_io.{name}>"

    def __getstate__(self):
        raise TypeError(f"cannot pickle '{type(self).__qualname__}' instances")

    @property
    def name(self):
        return self._raw.name

    @property
    def mode(self):
        return self._raw.mode

    @property
    def closed(self):
        return self._raw.closed

    def _check(self):
        if self._raw is None:
            raise ValueError("raw stream has been detached")
        if self._raw.closed:
            raise ValueError(_CLOSED)

    def fileno(self):
        return self._raw.fileno()

    def isatty(self):
        return self._raw.isatty()

    def readable(self):
        self._check()
        return self._reading and self._raw.readable()

    def writable(self):
        self._check()
        return self._writing and self._raw.writable()

    def seekable(self):
        self._check()
        return self._raw.seekable()

    def detach(self):
        self.flush()
        raw, self._raw = self._raw, None
        return raw

    # Reading.

    def _start_read(self):
        self._check()
        if not self._reading:
            raise UnsupportedOperation("read")
        if self._wbuf:
            self._flush_writes()

    def _fill(self, size):
        """Read once from the raw stream; False at end of file."""
        data = self._raw.read(max(size, self.buffer_size))
        if not data:
            return False
        if self._rpos < len(self._rbuf):
            self._rbuf = self._rbuf[self._rpos:] + data
        else:
            self._rbuf = data
        self._rpos = 0
        return True

    def _take(self, n):
        end = self._rpos + n
        data = self._rbuf[self._rpos:end]
        self._rpos = min(end, len(self._rbuf))
        return data

    def read(self, size=-1, /):
        self._start_read()
        if size is None or size < 0:
            rest = self._take(len(self._rbuf))
            more = self._raw.read()
            return rest + more if more else rest
        while len(self._rbuf) - self._rpos < size and self._fill(size):
            pass
        return self._take(size)

    def read1(self, size=-1, /):
        self._start_read()
        if self._rpos >= len(self._rbuf):
            if size == 0:
                return b""
            self._fill(size if size is not None and size > 0 else 0)
        if size is None or size < 0:
            size = len(self._rbuf)
        return self._take(size)

    def peek(self, size=0, /):
        self._start_read()
        if self._rpos >= len(self._rbuf):
            self._fill(size)
        return self._rbuf[self._rpos:]

    def readline(self, size=-1, /):
        self._start_read()
        if size is None:
            size = -1
        start = self._rpos
        while True:
            end = self._rbuf.find(b"\n", start)
            if end >= 0:
                end += 1
                break
            start = len(self._rbuf)
            if 0 <= size <= start - self._rpos:
                end = start
                break
            offset = self._rpos
            if not self._fill(0):
                end = len(self._rbuf)
                break
            start -= offset
        if 0 <= size < end - self._rpos:
            end = self._rpos + size
        return self._take(end - self._rpos)

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readinto(self, buffer, /):
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[:len(data)] = data
        return len(data)

    def readinto1(self, buffer, /):
        view = memoryview(buffer).cast("B")
        data = self.read1(len(view))
        view[:len(data)] = data
        return len(data)

    # Writing.

    def write(self, data, /):
        self._check()
        if not self._writing:
            raise UnsupportedOperation("write")
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if self._rpos < len(self._rbuf):
            self._raw.seek(self._rpos - len(self._rbuf), _SEEK_CUR)
        self._rbuf, self._rpos = b"", 0
        self._wbuf += data
        if len(self._wbuf) >= self.buffer_size:
            self._flush_writes()
        return len(data) if isinstance(data, (bytes, bytearray)) else memoryview(data).nbytes

    def _flush_writes(self):
        while self._wbuf:
            n = self._raw.write(self._wbuf)
            if n is None:
                raise BlockingIOError(11, "write could not complete without blocking", 0)
            del self._wbuf[:n]

    def flush(self):
        self._check()
        if self._writing:
            self._flush_writes()

    # Position.

    def tell(self):
        pos = self._raw.tell() - (len(self._rbuf) - self._rpos) + len(self._wbuf)
        return max(pos, 0)

    def seek(self, pos, whence=_SEEK_SET, /):
        if whence not in (0, 1, 2):
            raise ValueError(f"whence value {whence} unsupported")
        self._check()
        if self._wbuf:
            self._flush_writes()
        if whence == _SEEK_CUR:
            pos -= len(self._rbuf) - self._rpos
        self._rbuf, self._rpos = b"", 0
        return self._raw.seek(pos, whence)

    def truncate(self, pos=None, /):
        self._check()
        if not self._writing:
            raise UnsupportedOperation("truncate")
        self.flush()
        if pos is None:
            pos = self.tell()
        self.seek(self.tell())
        return self._raw.truncate(pos)

    def close(self):
        if self._raw is None or self._raw.closed:
            return
        try:
            self.flush()
        finally:
            self._raw.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class BufferedReader(_Buffered):
    """A buffer over a readable raw stream."""
    _reading = True


class BufferedWriter(_Buffered):
    """A buffer over a writable raw stream."""
    _writing = True


class BufferedRandom(_Buffered):
    """A buffer over a raw stream that is read, written and seeked."""
    _reading = _writing = True


class BufferedRWPair(_BufferedIOBase):
    """A reader and a writer joined: reads from one raw stream, writes to another."""

    def __init__(self, reader, writer, buffer_size=DEFAULT_BUFFER_SIZE, /):
        self.reader = BufferedReader(reader, buffer_size)
        self.writer = BufferedWriter(writer, buffer_size)

    def read(self, size=-1, /):
        return self.reader.read(size)

    def read1(self, size=-1, /):
        return self.reader.read1(size)

    def readline(self, size=-1, /):
        return self.reader.readline(size)

    def peek(self, size=0, /):
        return self.reader.peek(size)

    def write(self, data, /):
        return self.writer.write(data)

    def flush(self):
        return self.writer.flush()

    def readable(self):
        return self.reader.readable()

    def writable(self):
        return self.writer.writable()

    def isatty(self):
        return self.reader.isatty() or self.writer.isatty()

    @property
    def closed(self):
        return self.writer.closed

    def close(self):
        try:
            self.writer.close()
        finally:
            self.reader.close()


_NATIVE_CODECS = {"utf-8": "utf-8", "utf8": "utf-8", "u8": "utf-8",
                  "latin-1": "latin-1", "latin1": "latin-1",
                  "iso-8859-1": "latin-1", "iso8859-1": "latin-1", "l1": "latin-1",
                  "ascii": "ascii", "us-ascii": "ascii"}


class _StatelessDecoder:
    """An incremental decoder over one of `_codecs`' decode functions, which
    return (text, bytes consumed)."""

    def __init__(self, function, errors):
        self._function = function
        self._errors = errors
        self._tail = b""

    def decode(self, data, final=False):
        data = self._tail + data
        text, used = self._function(data, self._errors, final)
        self._tail = data[used:]
        return text

    def reset(self):
        self._tail = b""


def _codec_pair(encoding, errors):
    """decode(bytes, final) and encode(str) for `encoding`, and the name of the
    codec `_textio` does natively (None for the others)."""
    native = _NATIVE_CODECS.get(encoding.lower().replace("_", "-"))
    if native is not None:
        module_name = native.replace("-", "_")
        decoder = _StatelessDecoder(getattr(_codecs, module_name + "_decode"), errors)
        encode_function = getattr(_codecs, module_name + "_encode")

        def encode(text):
            return encode_function(text, errors)[0]
        return decoder, encode, native if errors == "strict" else None
    import codecs
    info = codecs.lookup(encoding)
    if not getattr(info, "_is_text_encoding", True):
        raise LookupError(f"{encoding!r} is not a text encoding; use "
                          f"codecs.open() to handle arbitrary codecs")
    decoder = info.incrementaldecoder(errors)
    return decoder, info.incrementalencoder(errors).encode, None


class TextIOWrapper(_TextIOBase):
    """Character and line based layer over a BufferedIOBase object."""

    _CHUNK_SIZE = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"illegal newline type: {type(newline)!r}")
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is None or encoding == "locale":
            encoding = "UTF-8"
        elif not isinstance(encoding, str):
            raise TypeError(f"TextIOWrapper() argument 'encoding' must be str or "
                            f"None, not {type(encoding).__name__}")
        if errors is None:
            errors = "strict"
        elif not isinstance(errors, str):
            raise TypeError(f"TextIOWrapper() argument 'errors' must be str or "
                            f"None, not {type(errors).__name__}")
        self._decoder, encode, native = _codec_pair(encoding, errors)
        self._buffer = buffer
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        self._line_buffering = bool(line_buffering)
        self._write_through = bool(write_through)
        write_newline = None if newline in (None, "") else newline
        self._state = _textio.new_state(
            buffer, self._decoder.decode, encode, UnsupportedOperation,
            native, newline, write_newline, self._CHUNK_SIZE,
            self._line_buffering, self._write_through, buffer.readable(),
            buffer.writable(), buffer.seekable())

    def __repr__(self):
        parts = [f"<_io.{type(self).__qualname__}"]
        try:
            parts.append(f"name={self.name!r}")
        except AttributeError:
            pass
        try:
            parts.append(f"mode={self.mode!r}")
        except AttributeError:
            pass
        parts.append(f"encoding={self._encoding!r}>")
        return " ".join(parts)

    @property
    def buffer(self):
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def name(self):
        return self._buffer.name

    @property
    def closed(self):
        return self._buffer.closed

    @property
    def newlines(self):
        seen = _textio._newlines_seen(self._state)
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
                ("\r", "\r\n"), ("\r", "\n", "\r\n"))[seen]

    def _check_closed(self):
        if self._buffer.closed:
            raise ValueError(_CLOSED)

    def fileno(self):
        return self._buffer.fileno()

    def isatty(self):
        return self._buffer.isatty()

    def readable(self):
        self._check_closed()
        return self._buffer.readable()

    def writable(self):
        self._check_closed()
        return self._buffer.writable()

    def seekable(self):
        self._check_closed()
        return self._buffer.seekable()

    def flush(self):
        self._check_closed()
        _textio._flush_pending(self._state)
        self._buffer.flush()

    def close(self):
        if self._buffer.closed:
            return
        try:
            self.flush()
        finally:
            _textio._mark_closed(self._state)
            self._buffer.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __iter__(self):
        self._check_closed()
        return self

    def seek(self, cookie, whence=_SEEK_SET, /):
        self._check_closed()
        if not self._buffer.seekable():
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == _SEEK_CUR:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            return self.tell()
        if whence == _SEEK_END:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            self.flush()
            position = self._buffer.seek(0, _SEEK_END)
            self._reset_decoder()
            return position
        if whence != _SEEK_SET:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if cookie < 0:
            raise ValueError(f"negative seek position {cookie!r}")
        self.flush()
        self._buffer.seek(cookie)
        self._reset_decoder()
        return cookie

    def _reset_decoder(self):
        _textio._reset(self._state)
        self._decoder.reset()

    def truncate(self, pos=None, /):
        self.flush()
        if pos is None:
            pos = self.tell()
        return self._buffer.truncate(pos)

    def detach(self):
        self.flush()
        buffer, self._buffer = self._buffer, None
        return buffer

    def reconfigure(self, *, encoding=None, errors=None, newline=Ellipsis,
                    line_buffering=None, write_through=None):
        self.flush()
        TextIOWrapper.__init__(
            self, self._buffer,
            self._encoding if encoding is None else encoding,
            (self._errors if encoding is None else "strict") if errors is None else errors,
            self._newline if newline is Ellipsis else newline,
            self._line_buffering if line_buffering is None else line_buffering,
            self._write_through if write_through is None else write_through)


for _name, _method in _textio.methods.items():
    setattr(TextIOWrapper, _name, _method)
del _name, _method


class IncrementalNewlineDecoder:
    """Translates '\\r\\n' and '\\r' to '\\n' over another decoder (or bytes already
    decoded when `decoder` is None)."""

    def __init__(self, decoder, translate, errors="strict"):
        self.decoder = decoder
        self.translate = translate
        self.errors = errors
        self._pendingcr = False
        self._seen = 0

    def decode(self, input, final=False):
        output = input if self.decoder is None else self.decoder.decode(input, final=final)
        if self._pendingcr and (output or final):
            output = "\r" + output
            self._pendingcr = False
        if output.endswith("\r") and not final:
            output = output[:-1]
            self._pendingcr = True
        crlf = output.count("\r\n")
        cr = output.count("\r") - crlf
        lf = output.count("\n") - crlf
        self._seen |= (lf and 1) | (cr and 2) | (crlf and 4)
        if self.translate:
            if crlf:
                output = output.replace("\r\n", "\n")
            if cr:
                output = output.replace("\r", "\n")
        return output

    def getstate(self):
        buf, flag = (b"", 0) if self.decoder is None else self.decoder.getstate()
        return buf, (flag << 1) | self._pendingcr

    def setstate(self, state):
        buf, flag = state
        self._pendingcr = bool(flag & 1)
        if self.decoder is not None:
            self.decoder.setstate((buf, flag >> 1))

    def reset(self):
        self._seen = 0
        self._pendingcr = False
        if self.decoder is not None:
            self.decoder.reset()

    @property
    def newlines(self):
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
                ("\r", "\r\n"), ("\r", "\n", "\r\n"))[self._seen]


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    """Open file and return a stream. Raise OSError upon failure."""
    if not isinstance(file, int):
        file = _fspath(file)
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    if not isinstance(buffering, int):
        raise TypeError(f"'{type(buffering).__name__}' object cannot be "
                        f"interpreted as an integer")
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: '{mode}'")
    creating, reading, writing, appending = ("x" in modes, "r" in modes,
                                             "w" in modes, "a" in modes)
    updating, text, binary = "+" in modes, "t" in modes, "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append "
                         "mode and at most one plus")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary "
                      "mode, the default buffer size will be used",
                      RuntimeWarning, 2)
    raw_mode = ("x" if creating else "r" if reading else "w" if writing else "a")
    raw = FileIO(file, raw_mode + ("+" if updating else ""), closefd, opener=opener)
    result = raw
    try:
        line_buffering = buffering == 1 or buffering < 0 and raw.isatty()
        if buffering == 1 or buffering < 0:
            buffering = raw._blksize
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        else:
            buffer = BufferedReader(raw, buffering)
        result = buffer
        if binary:
            return result
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"open() argument 'newline' must be str or None, not "
                            f"{type(newline).__name__}")
        text_stream = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = text_stream
        text_stream.mode = mode
        return result
    except BaseException:
        result.close()
        raise


def open_code(path):
    """Open `path` for reading as bytes, as `import` does."""
    if not isinstance(path, str):
        raise TypeError(f"open_code() argument 'path' must be str, not "
                        f"{type(path).__name__}")
    return open(path, "rb")


for _cls in (FileIO, BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair,
             TextIOWrapper, IncrementalNewlineDecoder):
    _cls.__module__ = "_io"
del _cls
