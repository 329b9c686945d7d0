# The structured sequences and the namespace of `sys` (version_info, flags,
# implementation), and the async generator hooks, set up by tripwire-stdlib at
# start-up.


def _structseq(qualname, names):
    """A tuple type whose items are also attributes, printed as CPython's structseq."""

    def __repr__(self):
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(names, self))
        return f"{qualname}({fields})"

    def __reduce__(self):
        return (type(self), (tuple(self),))

    ns = {"__repr__": __repr__, "__reduce__": __reduce__, "__slots__": (),
          "n_fields": len(names), "n_sequence_fields": len(names),
          "n_unnamed_fields": 0, "__match_args__": tuple(names)}
    for i, n in enumerate(names):
        ns[n] = property(lambda self, i=i: tuple.__getitem__(self, i))
    module, _, name = qualname.rpartition(".")
    ns["__module__"] = module or "builtins"
    return type(name, (tuple,), ns)


class _Namespace:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"namespace({items})"

    def __eq__(self, other):
        if isinstance(other, _Namespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


_VersionInfo = _structseq(
    "sys.version_info", ("major", "minor", "micro", "releaselevel", "serial"))
version_info = _VersionInfo((3, 13, 0, "final", 0))

_Flags = _structseq("sys.flags", (
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
    "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
    "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
    "warn_default_encoding", "safe_path", "int_max_str_digits"))
flags = _Flags((0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, False, 0, 0, False, 4300))

implementation = _Namespace(
    name="tripwire", cache_tag=None, version=version_info,
    hexversion=0x030D00F0)
if _multiarch is not None:
    implementation._multiarch = _multiarch
del _multiarch

_FloatInfo = _structseq("sys.float_info", (
    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
    "mant_dig", "epsilon", "radix", "rounds"))
float_info = _FloatInfo((1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308,
                         -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))

_IntInfo = _structseq("sys.int_info", (
    "bits_per_digit", "sizeof_digit", "default_max_str_digits",
    "str_digits_check_threshold"))
int_info = _IntInfo((30, 4, 4300, 640))

# The hash parameters tripwire's numeric hashes follow (CPython's).
_HashInfo = _structseq("sys.hash_info", (
    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits",
    "cutoff"))
hash_info = _HashInfo((64, 2305843009213693951, 314159, 0, 1000003, "siphash13", 64, 128, 0))

_AsyncgenHooks = _structseq("asyncgen_hooks", ("firstiter", "finalizer"))
_asyncgen_hooks = _AsyncgenHooks((None, None))
_UNSET = object()


def get_asyncgen_hooks():
    return _asyncgen_hooks


def set_asyncgen_hooks(firstiter=_UNSET, finalizer=_UNSET):
    """Keep the hooks asyncio installs; tripwire's async generators do not call
    them yet (an unfinished async generator is not finalized by its loop)."""
    global _asyncgen_hooks
    hooks = dict(zip(("firstiter", "finalizer"), _asyncgen_hooks))
    for name, hook in (("firstiter", firstiter), ("finalizer", finalizer)):
        if hook is _UNSET:
            continue
        if hook is not None and not callable(hook):
            raise TypeError(f"callable {name} expected, got {type(hook).__name__}")
        hooks[name] = hook
    _asyncgen_hooks = _AsyncgenHooks((hooks["firstiter"], hooks["finalizer"]))


def is_finalizing():
    """Python code runs only before tripwire's shutdown begins."""
    return False
