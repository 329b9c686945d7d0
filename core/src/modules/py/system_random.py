# random.SystemRandom: Random over the operating system's entropy (its generator
# is made so by `_os_entropy`, which the native Random.__new__ reads). Run with
# the native `Random` in its namespace.


class SystemRandom(Random):
    """A random number generator drawing every number from the operating
    system's entropy source (as os.urandom does); it has no seed or state."""

    _os_entropy = True

    def seed(self, *args, **kwds):
        "Does nothing: the operating system's source takes no seed."
        return None

    def _notimplemented(self, *args, **kwds):
        "The operating system's source has no state to get or set."
        raise NotImplementedError('System entropy source does not have state.')

    getstate = setstate = _notimplemented
