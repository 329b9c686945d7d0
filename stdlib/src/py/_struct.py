"""`_struct`: CPython's struct functions and the Struct class, over the native
packer `_struct_codec` (which raises this module's `error`)."""

import _struct_codec as _codec

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack",
           "Struct", "error"]


class error(Exception):
    pass


error.__module__ = "struct"
_codec.set_error(error)

calcsize = _codec.calcsize
pack = _codec.pack
pack_into = _codec.pack_into
unpack = _codec.unpack


def unpack_from(format, /, buffer, offset=0):
    return _codec.unpack_from(format, buffer, offset)


def iter_unpack(format, buffer, /):
    return iter(_codec.iter_unpack(format, buffer))


class Struct:
    """Struct(format): a compiled struct format."""

    __slots__ = ("format", "size")

    def __init__(self, format):
        if not isinstance(format, (str, bytes)):
            raise TypeError("Struct() argument 1 must be a str or bytes object, "
                            f"not {type(format).__name__}")
        size = _codec.calcsize(format)
        self.format = format if isinstance(format, str) else format.decode("ascii")
        self.size = size

    def pack(self, *values):
        return _codec.pack(self.format, *values)

    def pack_into(self, buffer, offset, /, *values):
        return _codec.pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer, /):
        return _codec.unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return _codec.unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer, /):
        return iter(_codec.iter_unpack(self.format, buffer))

    def __repr__(self):
        return f"Struct({self.format!r})"


Struct.__module__ = "_struct"


def _clearcache():
    """Clear the internal cache (there is none)."""
