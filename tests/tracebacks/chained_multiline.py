def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError("no " + k) from None

def chained(xs):
    try:
        xs[5]
    except IndexError as e:
        raise ValueError("bad index")

vals = [lookup({"a": 1}, "a")]
total = (
    vals[0] +
    chained([1, 2])
)
