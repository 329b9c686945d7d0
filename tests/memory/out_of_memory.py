# Run under `ulimit -v 4000000` by tests/memory_limits.rs: every allocation a
# program sizes fails with MemoryError (or CPython's OverflowError), and the
# program goes on with its output intact.
print("printed before, still buffered")


def attempt(name, f):
    try:
        r = f()
        print(name, "->", len(r))
    except (MemoryError, OverflowError) as e:
        print(name, "!", type(e).__name__, e)


def grow(name, container, add):
    try:
        for i in range(10**10):
            add(container, i)
    except MemoryError as e:
        print(name, "! MemoryError", repr(e))


attempt("list repeat", lambda: [0] * 10**9)
attempt("list repeat overflow", lambda: [0, 1] * 2**62)
attempt("tuple repeat", lambda: (0,) * 2**62)
attempt("str repeat overflow", lambda: 'ab' * 2**62)
attempt("str repeat", lambda: 'a' * 10**10)
attempt("bytes repeat overflow", lambda: b'ab' * 2**62)
attempt("bytes repeat", lambda: b'a' * 10**10)
attempt("tuple of huge range", lambda: tuple(range(2**63)))
attempt("list of long range", lambda: list(range(2**62)))
attempt("join", lambda: ''.join(['x' * 10**6] * 10**4))
attempt("format width", lambda: f'{1:>999999999}')
attempt("center", lambda: 'ab'.center(5 * 10**9))
attempt("zfill", lambda: '-1'.zfill(10**10))
attempt("ljust", lambda: 'x'.ljust(2**62, '\u00e9'))
attempt("replace", lambda: ('a' * 10**6).replace('a', 'b' * 10**4))
attempt("repr", lambda: repr(['a' * 10**6] * 5000))
attempt("urandom", lambda: __import__("os").urandom(10**10))
attempt("list of big ints", lambda: list(map(abs, range(-10**10**5, 2))))
attempt("int to_bytes", lambda: (5).to_bytes(10**10, "big"))
grow("list", [], lambda l, i: l.extend([i] * 1000))
grow("dict", {}, lambda d, i: d.__setitem__(i, i))
grow("set", set(), set.add)
print("the program goes on")
print("and ends in an uncaught MemoryError")
[0] * 10**9
