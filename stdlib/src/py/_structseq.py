"""_structseq: the structured sequences of the native modules (os.stat_result,
pwd.struct_passwd, resource.struct_rusage ...): tuples whose items are also named
attributes, printed, pickled and checked as CPython's."""


class _Field:
    """The read-only attribute of one item."""
    __slots__ = ("index",)

    def __init__(self, index):
        self.index = index

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return tuple.__getitem__(obj, self.index)

    def __set__(self, obj, value):
        raise AttributeError("readonly attribute")

    def __delete__(self, obj):
        raise AttributeError("readonly attribute")


def structseq(module, name, names, extra=(), doc=None, attributes=None):
    """A tuple type named `module.name` whose items are named `names` (the first
    `attributes` of them are also attributes, all by default); the fields `extra`
    follow as attributes only, given by a longer sequence or the dict argument."""
    if attributes is None:
        attributes = len(names)
    visible = len(names)
    longest = visible + len(extra)
    full_name = f"{module}.{name}"

    def size_error(expected, given):
        if visible == longest:
            return TypeError(f"{full_name}() takes a {expected}-sequence "
                             f"({given}-sequence given)")
        bound = "at least" if given < visible else "at most"
        return TypeError(f"{full_name}() takes an {bound} {expected}-sequence "
                         f"({given}-sequence given)")

    def __new__(cls, sequence, dict=None):
        if dict is not None and not isinstance(dict, type({})):
            raise TypeError(f"{full_name}() takes a dict as second arg, if any")
        try:
            seq = tuple(sequence)
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        if len(seq) < visible:
            raise size_error(visible, len(seq))
        if len(seq) > longest:
            raise size_error(longest, len(seq))
        self = tuple.__new__(cls, seq[:visible])
        given = dict or {}
        for i, field in enumerate(extra, visible):
            self.__dict__[field] = seq[i] if i < len(seq) else given.get(field)
        return self

    def __repr__(self):
        items = ", ".join(f"{f}={v!r}" for f, v in zip(names, self))
        return f"{full_name}({items})"

    def __reduce__(self):
        return (type(self), (tuple(self), dict(self.__dict__) if extra else {}))

    ns = {"__new__": __new__, "__repr__": __repr__, "__reduce__": __reduce__,
          "__doc__": doc, "__module__": module,
          "n_fields": longest, "n_sequence_fields": visible,
          "n_unnamed_fields": visible - attributes,
          "__match_args__": tuple(names[:attributes])}
    if not extra:
        ns["__slots__"] = ()
    for i, field in enumerate(names[:attributes]):
        ns[field] = _Field(i)
    return type(name, (tuple,), ns)
