# printf-style % formatting.
print("%s and %s" % ("this", "that"))
print("%d items cost %.2f" % (3, 9.5))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print("%e %E %.3e %g %G" % (12345.678, 12345.678, 0.00012345, 0.00001, 1e20))
print("%10.3f|%-10.2f|%.0f|%.1f" % (3.14159, 2.71828, 2.5, 0.05))
print("%r %s %a" % ("q", "q", "é"))
print("%c%c%c" % (72, "i", 33))
print("100%% sure, %s%%" % 50)
print("%(name)s is %(age)d years" % {"name": "Ada", "age": 36})
print("%s" % [1, 2])
print("%s" % (("tuple",),))
print("%*d|%-*d|%.*f" % (6, 7, 6, 7, 2, 3.14159))
print("%i %u" % (-3, 3))
print("single %s" % "value")
print("%s %s" % (None, True))
print("%d" % 3.99, "%d" % True, "%.2f" % 1)
print("%s" % 10**30, "%d" % -10**20)
for bad in [("%d", "x"), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", {"j": 1})]:
    fmt, arg = bad
    try:
        print(fmt % arg)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
print("%s|%5s|%-5s|%.2s" % ("x", "ab", "ab", "abcdef"))
