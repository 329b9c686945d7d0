# _warnings.warn / warn_explicit: the category, message and the line stacklevel
# names, as the warnings module records them.
import _warnings, warnings

def f():
    _warnings.warn("from f", DeprecationWarning, stacklevel=2)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    _warnings.warn("plain")
    _warnings.warn("typed", RuntimeWarning)
    f()
    _warnings.warn(UserWarning("an instance"))
    _warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 42)
for w in caught:
    print(w.category.__name__, w.message, w.filename.rsplit('/', 1)[-1], w.lineno)
for bad in ((1,), ("m", int)):
    try:
        _warnings.warn(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
