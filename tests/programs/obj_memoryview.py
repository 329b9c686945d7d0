# memoryview over bytes and bytearray: items, slices as sub-views, writes through a
# writable view, tobytes / tolist / hex / cast, attributes, equality and hashing,
# release and the context manager.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


m = memoryview(b"abcdef")
show("item", lambda: (m[0], m[-1]))
show("len", lambda: len(m))
show("slice", lambda: (m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[4:1].tobytes()))
show("nested", lambda: m[1:5][1:3].tobytes())
show("tolist", lambda: (m.tolist(), m[::3].tolist()))
show("hex", lambda: m.hex())
show("iter", lambda: list(m[:3]))
show("in", lambda: (98 in m, 120 in m))
show("attrs", lambda: (m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.contiguous))
show("step attrs", lambda: (m[::2].shape, m[::2].strides, m[::2].contiguous))
show("obj", lambda: m.obj)
show("oob", lambda: m[6])
show("str key", lambda: m["a"])
show("readonly write", lambda: m.__setitem__(0, 1))
show("bytes of", lambda: bytes(m[2:]))
show("bytearray of", lambda: bytearray(m[:2]))
show("eq", lambda: (m == b"abcdef", b"abcdef" == m, m[:2] == bytearray(b"ab"), m == m[:], m != b"x"))
show("eq other", lambda: (m == "abcdef", m == [97]))
show("lt", lambda: m < m)
show("hash", lambda: hash(m) == hash(b"abcdef"))
show("add", lambda: m + b"x")
show("not bytes", lambda: memoryview("abc"))
show("not bytes 2", lambda: memoryview([1, 2]))
show("truth", lambda: (bool(memoryview(b"")), bool(m)))

buf = bytearray(b"hello")
w = memoryview(buf)
w[0] = 72
w[1:3] = b"EL"
w[-1] = ord("O")
print("writes", buf, w.readonly)
show("write big", lambda: w.__setitem__(0, 256))
show("write str", lambda: w.__setitem__(0, "a"))
show("write slice size", lambda: w.__setitem__(slice(0, 2), b"xyz"))
show("write oob", lambda: w.__setitem__(9, 1))
buf[2] = 33
show("sees writes", lambda: w.tobytes())
sub = w[1:4]
sub[0] = 35
print("sub write", buf)
show("hash writable", lambda: hash(w))
show("toreadonly", lambda: (w.toreadonly().readonly, w.toreadonly().tobytes()))
show("ro write", lambda: w.toreadonly().__setitem__(0, 1))

c = memoryview(b"a\xffc")
show("cast c", lambda: (c.cast("c")[0], c.cast("c").tolist()))
show("cast b", lambda: (c.cast("b")[1], c.cast("b").tolist(), c.cast("@B").format))
show("cast bad", lambda: c.cast("x"))
show("cast size", lambda: c.cast("i"))
show("cast str", lambda: c.cast(1))
cb = memoryview(bytearray(b"ab")).cast("c")
cb[0] = b"Z"
show("cast c write", lambda: cb.tobytes())
show("cast c write bad", lambda: cb.__setitem__(0, 65))
sb = memoryview(bytearray(2)).cast("b")
sb[0] = -1
show("cast b write", lambda: (sb.tolist(), sb.obj))
show("cast b range", lambda: sb.__setitem__(0, 200))

r = memoryview(b"xyz")
r.release()
r.release()
show("released item", lambda: r[0])
show("released len", lambda: len(r))
show("released tobytes", lambda: r.tobytes())
show("released attr", lambda: r.format)
show("released eq", lambda: (r == r, r == b"xyz"))
with memoryview(b"ctx") as v:
    print("in with", v.tobytes())
show("after with", lambda: v.tobytes())
show("repr", lambda: (repr(m).startswith("<memory at 0x"), repr(r).startswith("<released memory at 0x")))
show("type", lambda: (type(m).__name__, isinstance(m, memoryview)))
