# Weak proxies forward attribute access, item access, iteration, conversions and
# operators (unwrapping proxies on either side), claim the referent's class for
# isinstance, and raise ReferenceError once the referent is gone.
import _weakref


class L(list):
    pass


items = L([3, 1, 2])
p = _weakref.proxy(items)
print(len(p), p[0], 1 in p, list(p), sorted(p), p + [9], [0] + p)
p.append(4)
p[0] = 10
del p[1]
print(items, str(p), bool(p), p == [10, 2, 4], p < [11], list(reversed(p)))
p += [5]
print(items, type(p).__name__, p * 2 == items * 2)


class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __int__(self):
        return self.v

    def __float__(self):
        return 1.5

    def __neg__(self):
        return -self.v

    def __iter__(self):
        return iter([1, 2])

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __radd__(self, other):
        return Num(other + self.v)

    def __eq__(self, other):
        return isinstance(other, Num) and self.v == other.v

    __hash__ = None


n, m = Num(4), Num(6)
q, r = _weakref.proxy(n), _weakref.proxy(m)
print(int(q), float(q), -q, [0, 1, 2, 3, 4, 5][q], list(q), isinstance(q, Num))
print((q + r).v, (q + 1).v, (1 + q).v, q == r, q == Num(4), q.__class__.__name__)
print(hasattr(q, "v"), getattr(q, "missing", "default"))
q.w = 7
print(n.w)
del q.w
print(hasattr(n, "w"))
try:
    next(q)
except TypeError as e:
    print("TypeError:", e)


class Counter:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i


counter = Counter()
print(list(_weakref.proxy(counter)))

# Callable referents get a callable proxy.
def double(x):
    return 2 * x


cp = _weakref.proxy(double)
print(cp(21), type(cp).__name__, callable(cp), callable(p))

# Plain proxies are shared; a callback makes a new one and is called with it.
shared = _weakref.proxy(items)
print(_weakref.proxy(items) is shared, _weakref.proxy(items, print) is shared)
seen = []
target = Num(1)
cb_proxy = _weakref.proxy(target, lambda proxy: seen.append(type(proxy).__name__))
del target
print(seen)
for attempt in [lambda: cb_proxy.v, lambda: len(cb_proxy), lambda: cb_proxy + 1,
                lambda: str(cb_proxy), lambda: bool(cb_proxy)]:
    try:
        attempt()
    except ReferenceError as e:
        print("ReferenceError:", e)

# Reprs, with the addresses taken out.
def scrub(text):
    parts = text.split("0x")
    return parts[0] + "".join("ADDR" + p.lstrip("0123456789abcdef") for p in parts[1:])


class Named:
    pass


def renamed():
    pass


renamed.__name__ = "it's"
alive = Named()
for obj in [Named, renamed, alive]:
    print(scrub(repr(_weakref.ref(obj))))
print(scrub(repr(_weakref.ref(Named()))), scrub(repr(_weakref.proxy(alive))))
print(scrub(repr(_weakref.proxy(Named()))))
