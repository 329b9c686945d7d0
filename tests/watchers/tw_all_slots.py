# A program that takes all eight dict and type watcher ids gets 0..7, the ninth
# is refused with CPython's error, and tool ids (8..15, the optimizer's) are not
# names a program can use; with the optimizer on, its loops are still compiled
# and still see every change (tripwire only: CPython has no Python-level watchers).
import tripwire

events = []
dict_ids = [tripwire.add_dict_watcher(lambda *a, n=n: events.append(("dict", n, a[0])))
            for n in range(8)]
type_ids = [tripwire.add_type_watcher(lambda t, n=n: events.append(("type", n, t.__name__)))
            for n in range(8)]
print(dict_ids, type_ids)
for add in (tripwire.add_dict_watcher, tripwire.add_type_watcher):
    try:
        add(print)
    except RuntimeError as e:
        print("RuntimeError:", e)
for bad in (8, 15, 16):
    for call in (lambda i: tripwire.watch_dict(i, {}), lambda i: tripwire.watch_type(i, int),
                 tripwire.clear_dict_watcher, tripwire.clear_type_watcher):
        try:
            call(bad)
        except ValueError as e:
            print("ValueError:", e)


class Shape:
    scale = 2


g = {"k": 10}
tripwire.watch_dict(3, g)
tripwire.watch_type(5, Shape)
LIMIT = 5


def total(n):
    s = 0
    for i in range(n):
        s += Shape.scale * LIMIT + g["k"]
    return s


print(total(20000))
Shape.scale = 3
LIMIT = 1
g["k"] = 0
print(total(20000))
print(sorted(set(events)))
try:
    import tripwire_optimizer
except ImportError:
    print("optimizer off")
else:
    stats = tripwire_optimizer.stats()
    print("optimizer on; units compiled:", stats["units_compiled"] > 0,
          "invalidations:", stats["invalidations"] > 0)
for i in range(8):
    tripwire.clear_dict_watcher(i)
    tripwire.clear_type_watcher(i)
