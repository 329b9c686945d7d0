"""`_operator`: the operator functions (tripwire's bundled `operator` provides
them) and `_compare_digest`, the comparison `hmac` and `secrets` use."""

from operator import *  # noqa: F401,F403
from operator import __all__  # noqa: F401


def _compare_digest(a, b, /):
    """Whether a == b, in time that depends only on the length of b."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        a, b = a.encode("ascii"), b.encode("ascii")
    else:
        for value in (a, b):
            if not isinstance(value, (bytes, bytearray, memoryview)):
                raise TypeError("a bytes-like object is required, "
                                f"not '{type(value).__name__}'")
        a, b = bytes(a), bytes(b)
    result = len(a) ^ len(b)
    left = a if len(a) == len(b) else b
    for x, y in zip(left, b):
        result |= x ^ y
    return result == 0
