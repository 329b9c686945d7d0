# The calendar side of `time`: struct_time and the functions built on the native
# helpers _broken_down(secs, local), _mktime(fields) and _strftime(format, fields),
# run in a namespace of their own whose public names go into `time`.


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
 accepted by asctime(), mktime() and strftime().  May be considered as a
 sequence of 9 integers."""

    __slots__ = ("_zone", "_gmtoff")
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    __match_args__ = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min",
                      "tm_sec", "tm_wday", "tm_yday", "tm_isdst")

    def __new__(cls, sequence, dict=None):
        items = tuple(sequence)
        n = len(items)
        if n < 9:
            raise TypeError(
                f"time.struct_time() takes an at least 9-sequence ({n}-sequence given)")
        if n > 11:
            raise TypeError(
                f"time.struct_time() takes an at most 11-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, items[:9])
        extra = items[9:] + (None, None)
        self._zone, self._gmtoff = extra[0], extra[1]
        return self

    def __repr__(self):
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self.__match_args__, self))
        return f"time.struct_time({fields})"

    def __reduce__(self):
        return (struct_time, (tuple(self), {"tm_zone": self._zone,
                                            "tm_gmtoff": self._gmtoff}))

    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)


for _i, _name in enumerate(struct_time.__match_args__):
    setattr(struct_time, _name, property(lambda self, i=_i: tuple.__getitem__(self, i)))
struct_time.__module__ = "time"
del _i, _name


def _fields(t, name):
    if not isinstance(t, tuple):
        raise TypeError(f"Tuple or struct_time argument required")
    if len(t) != 9 and not isinstance(t, struct_time):
        raise TypeError(f"{name}(): illegal time tuple argument")
    if isinstance(t, struct_time):
        return tuple(t) + (t.tm_zone, t.tm_gmtoff)
    return tuple(t)


def localtime(seconds=None, /):
    return struct_time(_broken_down(seconds, True))


def gmtime(seconds=None, /):
    return struct_time(_broken_down(seconds, False))


def mktime(t, /):
    return _mktime(_fields(t, "mktime"))


def strftime(format, t=None, /):
    if not isinstance(format, str):
        raise TypeError(
            f"strftime() argument 1 must be str, not {type(format).__name__}")
    return _strftime(format, _fields(localtime() if t is None else t, "strftime"))


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def asctime(t=None, /):
    t = _fields(localtime() if t is None else t, "asctime")
    if not 1 <= t[1] <= 12:
        raise ValueError("month out of range")
    return "%s %s%3d %.2d:%.2d:%.2d %d" % (
        _DAYS[t[6] % 7], _MONTHS[t[1] - 1], t[2], t[3], t[4], t[5], t[0])


def ctime(seconds=None, /):
    return asctime(localtime(seconds))


def _zones():
    # As CPython: the offsets of January 1st and of half a year later.
    year = (365 * 24 + 6) * 3600
    start = (int(_now()) // year) * year
    jan = _broken_down(start, True)
    jul = _broken_down(start + year // 2, True)
    jan_zone, jul_zone = -jan[10], -jul[10]
    if jan_zone < jul_zone:
        # The southern hemisphere: daylight saving time in January.
        return jul_zone, jan_zone, int(jan_zone != jul_zone), (jul[9], jan[9])
    return jan_zone, jul_zone, int(jan_zone != jul_zone), (jan[9], jul[9])


timezone, altzone, daylight, tzname = _zones()
