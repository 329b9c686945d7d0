"""Iterator building blocks: infinite counters, slicing and grouping of
streams, and combinatorial generators (product, permutations,
combinations).

The iterators are native (the `_itertools` module) except groupby and tee,
whose sub-iterators share lazily filled state and are written here.
"""

from _itertools import (
    accumulate, batched, chain, combinations, combinations_with_replacement,
    compress, count, cycle, dropwhile, filterfalse, islice, pairwise,
    permutations, product, repeat, starmap, takewhile, zip_longest,
)


def _as_index(value, message):
    # An int-like value for tee's n.
    if isinstance(value, int):
        return value
    try:
        return type(value).__index__(value)
    except AttributeError:
        raise TypeError(message) from None


class groupby:
    """groupby(iterable, key=None): (key, group) pairs for runs of items
    with equal keys.  A group is only valid until the next pair is taken."""

    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _marker
        self._grouper = None

    def __iter__(self):
        return self

    def _step(self):
        # Advance the underlying iterator by one element.
        value = next(self._it)
        self._currvalue = value
        self._currkey = value if self._keyfunc is None else self._keyfunc(value)

    def __next__(self):
        self._grouper = None
        # Skip the rest of the current group.
        while True:
            if self._currkey is _marker:
                self._step()
            elif self._tgtkey is _marker:
                break
            elif not (self._tgtkey is self._currkey
                      or self._tgtkey == self._currkey):
                break
            else:
                self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._grouper = grouper
        return (self._currkey, grouper)


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._grouper is not self:
            raise StopIteration
        if parent._currvalue is _marker:
            parent._step()
        key = parent._currkey
        if not (self._tgtkey is key or self._tgtkey == key):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _marker
        parent._currkey = _marker
        return value


_marker = object()


def tee(iterable, n=2, /):
    """n independent iterators over the same input."""
    n = _as_index(n, "'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    if isinstance(it, _tee):
        source = it._source
        first = _tee(source, it._link)
    else:
        source = _TeeSource(it)
        first = _tee(source, source.head)
    result = [first]
    for _ in range(n - 1):
        result.append(_tee(source, first._link))
    return tuple(result)


class _TeeLink:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.next = None


class _TeeSource:
    def __init__(self, it):
        self.it = it
        self.head = _TeeLink()


class _tee:
    """One of the iterators made by tee()."""

    def __init__(self, source, link):
        self._source = source
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._source.it)
            link.value = value
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._source, self._link)
