# bytearray: construction, indexing and slicing, item and slice assignment, the
# list-like mutators, + * and their in-place forms, comparison with bytes, and the
# BufferError while a memoryview exports it.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("empty", lambda: bytearray())
show("count", lambda: bytearray(3))
show("bytes", lambda: bytearray(b"abc"))
show("list", lambda: bytearray([104, 105]))
show("range", lambda: bytearray(range(65, 70)))
show("str enc", lambda: bytearray("héllo", "utf-8"))
show("str kw", lambda: bytearray("hi", encoding="ascii"))
show("copy of ba", lambda: bytearray(bytearray(b"xy")))
show("from mv", lambda: bytearray(memoryview(b"mv")))
show("str no enc", lambda: bytearray("abc"))
show("neg", lambda: bytearray(-1))
show("big item", lambda: bytearray([256]))
show("neg item", lambda: bytearray([-1]))
show("float", lambda: bytearray(1.5))
show("enc no str", lambda: bytearray(b"x", "utf-8"))
show("bad item", lambda: bytearray(["a"]))
show("bytes of ba", lambda: bytes(bytearray(b"back")))
show("type", lambda: (type(bytearray()).__name__, isinstance(bytearray(), bytearray)))

ba = bytearray(b"hello world")
show("index", lambda: (ba[0], ba[-1]))
show("slice", lambda: ba[1:5])
show("step", lambda: ba[::2])
show("rev", lambda: ba[::-1])
show("oob", lambda: ba[20])
show("str key", lambda: ba["a"])
show("len", lambda: len(ba))
show("in int", lambda: (104 in ba, 300 in ba))
show("in bytes", lambda: (b"wor" in ba, b"xyz" in ba, bytearray(b"lo") in ba))
show("iter", lambda: list(bytearray(b"abc")))
show("truth", lambda: (bool(bytearray()), bool(bytearray(b"\x00"))))
show("hash", lambda: hash(ba))
show("str", lambda: str(bytearray(b"a'b\"c\n\xff")))


def assign(key, value):
    b = bytearray(b"abcdef")
    b[key] = value
    return b


show("set item", lambda: assign(0, 65))
show("set neg", lambda: assign(-1, 90))
show("set oob", lambda: assign(9, 1))
show("set big", lambda: assign(0, 256))
show("set str", lambda: assign(0, "a"))
show("set slice grow", lambda: assign(slice(1, 3), b"XYZW"))
show("set slice shrink", lambda: assign(slice(1, 5), b"-"))
show("set slice list", lambda: assign(slice(0, 2), [49, 50]))
show("set slice empty", lambda: assign(slice(2, 2), b"++"))
show("set slice int", lambda: assign(slice(0, 1), 5))
show("set ext", lambda: assign(slice(0, 6, 2), b"123"))
show("set ext bad", lambda: assign(slice(0, 6, 2), b"12"))
show("set slice ba", lambda: assign(slice(None), bytearray(b"new")))


def delete(key):
    b = bytearray(b"abcdef")
    del b[key]
    return b


show("del item", lambda: delete(1))
show("del neg", lambda: delete(-1))
show("del slice", lambda: delete(slice(1, 4)))
show("del step", lambda: delete(slice(None, None, 2)))
show("del oob", lambda: delete(10))

b = bytearray(b"ab")
b.append(99)
b.extend(b"de")
b.extend([102, 103])
b.extend(bytearray(b"h"))
b.extend(x for x in (105,))
b.insert(0, 95)
b.insert(-1, 45)
b.insert(100, 33)
print("mutated", b)
print("pop", b.pop(), b.pop(0), b.pop(-2), b)
b.remove(99)
print("remove", b)
b.reverse()
print("reverse", b, b.copy(), b.copy() is b)
b.clear()
print("clear", b, len(b))
show("pop empty", lambda: bytearray().pop())
show("pop oob", lambda: bytearray(b"a").pop(5))
show("remove missing", lambda: bytearray(b"a").remove(120))
show("append big", lambda: bytearray().append(300))
show("append str", lambda: bytearray().append("a"))
show("extend int", lambda: bytearray().extend(5))
show("extend str", lambda: bytearray().extend("ab"))
show("extend bad item", lambda: bytearray().extend([1, "a"]))

x = bytearray(b"ab")
show("add bytes", lambda: x + b"cd")
show("bytes add", lambda: b"cd" + x)
show("add ba", lambda: x + bytearray(b"!"))
show("add mv", lambda: x + memoryview(b"mv"))
show("add str", lambda: x + "s")
show("add int", lambda: x + 1)
show("mul", lambda: (x * 3, 2 * x, x * 0, x * -1))
show("mul str", lambda: x * "a")
y = x
y += b"cd"
y *= 2
print("inplace", y, y is x, x)
show("eq", lambda: (x == b"abcdabcd", b"abcdabcd" == x, x == bytearray(b"abcdabcd"), x != b"a"))
show("order", lambda: (bytearray(b"a") < b"b", b"b" <= bytearray(b"a"), bytearray(b"ab") > bytearray(b"a")))
show("eq str", lambda: bytearray(b"a") == "a")
show("lt str", lambda: bytearray(b"a") < "a")
show("sorted", lambda: sorted([bytearray(b"b"), b"a", bytearray(b"c")]))
show("dict", lambda: {b"k": 1}.get(bytes(bytearray(b"k"))))

z = bytearray(b"abc")
m = memoryview(z)
show("export append", lambda: z.append(1))
show("export extend", lambda: z.extend(b"x"))
show("export pop", lambda: z.pop())
show("export clear", lambda: z.clear())


def grow():
    z[0:1] = b"xyz"


def same_size():
    z[0:1] = b"X"
    return z


def iadd():
    global z
    z += b"!"


show("export slice grow", grow)
show("export slice same", same_size)
show("export iadd", iadd)
z[1] = 66
print("still writable", z, m.tobytes())
m.release()
z.append(33)
print("after release", z)
with memoryview(z) as m2:
    show("with", lambda: z.pop())
z.pop()
print("after with", z)
show("int base", lambda: (int(bytearray(b"101"), 2), int(bytearray(b" 42 ")), int(bytearray(b"ff"), 16)))
show("int bad", lambda: int(bytearray(b"4x")))
