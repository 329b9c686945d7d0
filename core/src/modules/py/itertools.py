"""Iterator building blocks: infinite counters, slicing and grouping of
streams, and combinatorial generators (product, permutations,
combinations).

Here the iterators are written in Python; several are generator objects.
"""

import sys as _sys

_MAXSIZE = _sys.maxsize


def _as_index(value, message):
    # An int-like value for islice/permutations style arguments.
    if isinstance(value, int):
        return value
    try:
        return type(value).__index__(value)
    except AttributeError:
        raise TypeError(message) from None


###########################################################################
# Infinite iterators
###########################################################################

class count:
    """count(start=0, step=1): start, start+step, start+2*step, ..."""

    def __init__(self, start=0, step=1):
        for value in (start, step):
            if not (isinstance(value, (int, float))
                    or hasattr(type(value), '__complex__')
                    or hasattr(type(value), '__index__')
                    or hasattr(type(value), '__float__')
                    or hasattr(type(value), '__int__')):
                raise TypeError('a number is required')
        self._value = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._value
        self._value = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return 'count(%r)' % (self._value,)
        return 'count(%r, %r)' % (self._value, step)

    def __reduce__(self):
        if type(self._step) is int and self._step == 1:
            return (type(self), (self._value,))
        return (type(self), (self._value, self._step))


def cycle(iterable, /):
    """cycle(iterable): the items of iterable, then the same items again,
    forever."""
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for item in it:
        saved.append(item)
        yield item
    if not saved:
        return
    while True:
        for item in saved:
            yield item


class repeat:
    """repeat(object[, times]): object, again and again (`times` times if
    given)."""

    def __init__(self, *args, **kwargs):
        if 'object' in kwargs:
            args = (kwargs.pop('object'),) + args
        if 'times' in kwargs:
            args = args + (kwargs.pop('times'),)
        if kwargs:
            raise TypeError("repeat() got an unexpected keyword argument '%s'"
                            % next(iter(kwargs)))
        if not args:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        if len(args) > 2:
            raise TypeError('repeat() takes at most 2 arguments (%d given)' % len(args))
        self._object = args[0]
        if len(args) == 2:
            times = _as_index(args[1], "'%s' object cannot be interpreted as an integer"
                              % type(args[1]).__name__)
            self._times = times if times > 0 else 0
        else:
            self._times = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._object,)
        return 'repeat(%r, %d)' % (self._object, self._times)


###########################################################################
# Iterators terminating on the shortest input sequence
###########################################################################

def _add(a, b):
    return a + b


def accumulate(iterable, func=None, *, initial=None):
    """Running totals of the iterable (or running results of func)."""
    it = iter(iterable)
    return _accumulate(it, _add if func is None else func, initial)


def _accumulate(it, func, total):
    if total is None:
        for total in it:
            break
        else:
            return
    yield total
    for element in it:
        total = func(total, element)
        yield total


def batched(iterable, n, *, strict=False):
    """Tuples of n consecutive items; the last one may be shorter (or a
    ValueError with strict=True)."""
    n = _as_index(n, "'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 1:
        raise ValueError('n must be at least one')
    return _batched(iter(iterable), n, strict)


def _batched(it, n, strict):
    while True:
        batch = []
        for item in it:
            batch.append(item)
            if len(batch) == n:
                break
        if not batch:
            return
        if strict and len(batch) != n:
            raise ValueError('batched(): incomplete batch')
        yield tuple(batch)
        if len(batch) < n:
            return


def chain(*iterables):
    """chain(*iterables): the items of each iterable in turn."""
    return _chain(iter(iterables))


def _from_iterable(iterable, /):
    """Like chain(*iterables), but reads the iterables lazily."""
    return _chain(iter(iterable))


def _chain(sources):
    for source in sources:
        yield from source


chain.from_iterable = _from_iterable


def compress(data, selectors):
    """The items of data whose matching selector is true."""
    return _compress(iter(data), iter(selectors))


def _compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable, /):
    """Skip items while predicate(item) is true, then yield the rest."""
    return _dropwhile(predicate, iter(iterable))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable, /):
    """Yield items while predicate(item) is true, then stop."""
    return _takewhile(predicate, iter(iterable))


def _takewhile(predicate, it):
    for x in it:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(function, iterable, /):
    """The items for which function(item) is false (or which are false,
    when function is None)."""
    return _filterfalse(bool if function is None else function, iter(iterable))


def _filterfalse(predicate, it):
    for x in it:
        if not predicate(x):
            yield x


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


def islice(*args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]):
    the items at those positions, like seq[start:stop:step] on a list."""
    nargs = len(args)
    if nargs < 2:
        raise TypeError('islice expected at least 2 arguments, got %d' % nargs)
    if nargs > 4:
        raise TypeError('islice expected at most 4 arguments, got %d' % nargs)
    iterable = args[0]
    start, step = 0, 1
    if nargs == 2:
        stop = args[1]
        if stop is not None:
            stop = _slice_bound(stop, 'Stop argument for islice() must be None or '
                                      'an integer: 0 <= x <= sys.maxsize.')
    else:
        start, stop = args[1], args[2]
        msg = ('Indices for islice() must be None or an integer: '
               '0 <= x <= sys.maxsize.')
        start = 0 if start is None else _slice_bound(start, msg)
        if stop is not None:
            stop = _slice_bound(stop, msg)
        if nargs == 4 and args[3] is not None:
            msg = 'Step for islice() must be a positive integer or None.'
            try:
                step = _as_index(args[3], msg)
            except TypeError:
                raise ValueError(msg) from None
            if step < 1:
                raise ValueError(msg)
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    # Skip to `start` (even past `stop`, consuming as CPython does).
    if start:
        skipped = 0
        for _ in zip(range(start), it):
            skipped += 1
        if skipped < start:
            return
    if stop is None:
        if step == 1:
            yield from it
            return
        positions = None
    else:
        if stop <= start:
            return
        positions = range(start, stop)
    if step == 1:
        # zip() stops before taking an item beyond the last position.
        for _, item in zip(positions, it):
            yield item
        return
    countdown = 0
    left = None if positions is None else len(positions)
    for item in it:
        if countdown == 0:
            yield item
            countdown = step
        countdown -= 1
        if left is not None:
            left -= 1
            if left == 0:
                return


def _slice_bound(value, msg):
    try:
        value = _as_index(value, msg)
    except TypeError:
        raise ValueError(msg) from None
    if value < 0 or value > _MAXSIZE:
        raise ValueError(msg)
    return value


def pairwise(iterable, /):
    """Overlapping pairs: (s0, s1), (s1, s2), ..."""
    return _pairwise(iter(iterable))


def _pairwise(it):
    for a in it:
        break
    else:
        return
    for b in it:
        yield a, b
        a = b


def starmap(function, iterable, /):
    """function(*args) for each args tuple of the iterable."""
    return _starmap(function, iter(iterable))


def _starmap(function, it):
    for args in it:
        yield function(*args)


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


def zip_longest(*iterables, fillvalue=None):
    """Like zip(), but runs until the longest input is exhausted, using
    fillvalue for the missing items."""
    return _zip_longest([iter(it) for it in iterables], fillvalue)


def _zip_longest(iterators, fillvalue):
    remaining = len(iterators)
    if not remaining:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            if it is None:
                values.append(fillvalue)
                continue
            for value in it:
                values.append(value)
                break
            else:
                remaining -= 1
                if not remaining:
                    return
                iterators[i] = None
                values.append(fillvalue)
        yield tuple(values)


###########################################################################
# Combinatoric generators
###########################################################################

def product(*iterables, repeat=1):
    """Cartesian product of the inputs, like nested for loops (rightmost
    varying fastest); repeat=n uses the inputs n times over."""
    repeat = _as_index(repeat, "'%s' object cannot be interpreted as an integer"
                       % type(repeat).__name__)
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    indices = [0] * n
    yield tuple([pool[0] for pool in pools])
    while True:
        # Advance the odometer from the rightmost wheel.
        i = n - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple([pools[j][indices[j]] for j in range(n)])


def _check_r(r):
    r = _as_index(r, 'Expected int as r')
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


def permutations(iterable, r=None):
    """All orderings of r items chosen from the iterable (r defaults to all
    of them), in lexicographic order of positions."""
    pool = tuple(iterable)
    if r is None:
        r = len(pool)
    else:
        r = _check_r(r)
    return _permutations(pool, r)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    # `order` holds a permutation of the pool indices; the first r entries
    # are the current output.  `remaining[i]` counts how many more values
    # position i will take before it wraps around.
    order = list(range(n))
    remaining = list(range(n, n - r, -1))
    if r == n:
        yield from _full_permutations(pool, order, remaining, n)
        return
    yield tuple([pool[k] for k in order[:r]])
    while n:
        i = r - 1
        while i >= 0:
            remaining[i] -= 1
            if remaining[i] == 0:
                # Rotate order[i:] left by one and reset this position.
                moved = order[i]
                del order[i]
                order.append(moved)
                remaining[i] = n - i
                i -= 1
            else:
                j = n - remaining[i]
                order[i], order[j] = order[j], order[i]
                yield tuple([pool[k] for k in order[:r]])
                break
        else:
            return


def _full_permutations(pool, order, remaining, n):
    # _permutations() for r == n, where each result uses the whole order.
    yield tuple([pool[k] for k in order])
    while n:
        i = n - 1
        while i >= 0:
            remaining[i] -= 1
            if remaining[i] == 0:
                moved = order[i]
                del order[i]
                order.append(moved)
                remaining[i] = n - i
                i -= 1
            else:
                j = n - remaining[i]
                order[i], order[j] = order[j], order[i]
                yield tuple([pool[k] for k in order])
                break
        else:
            return


def combinations(iterable, r):
    """All r-item subsets of the iterable, as tuples in input order."""
    r = _check_r(r)
    return _combinations(tuple(iterable), r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    chosen = list(range(r))
    yield tuple([pool[k] for k in chosen])
    while True:
        # Find the rightmost index that can still move right.
        i = r - 1
        while i >= 0 and chosen[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        chosen[i] += 1
        for j in range(i + 1, r):
            chosen[j] = chosen[j - 1] + 1
        yield tuple([pool[k] for k in chosen])


def combinations_with_replacement(iterable, r):
    """Like combinations(), but an item may be picked more than once."""
    r = _check_r(r)
    return _combinations_with_replacement(tuple(iterable), r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    chosen = [0] * r
    yield tuple([pool[k] for k in chosen])
    while True:
        i = r - 1
        while i >= 0 and chosen[i] == n - 1:
            i -= 1
        if i < 0:
            return
        value = chosen[i] + 1
        for j in range(i, r):
            chosen[j] = value
        yield tuple([pool[k] for k in chosen])
