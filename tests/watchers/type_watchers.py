# CPython's test_watchers, type part (18 cases).
from wlib import *

TYPES, ERROR, WRAP = 0, 1, 2


def with_watcher(kind, body):
    wid = add_type_watcher(kind)
    try:
        return body(wid)
    finally:
        clear_type_watcher(wid)


def names(events):
    return [[e[0].__name__] if isinstance(e, list) else e.__name__ for e in events]


def watch_a_type(wid):
    class C: pass
    watch_type(wid, C)
    C.foo = "bar"
    return names(get_type_modified_events())


def aggregation(wid):
    class C: pass
    watch_type(wid, C)
    C.foo = "bar"
    C.bar = "baz"
    return names(get_type_modified_events())


def lookup_resets(wid):
    class C: pass
    watch_type(wid, C)
    C.foo = "bar"
    seen = C.foo
    C.bar = "baz"
    return [seen] + names(get_type_modified_events())


def unwatch(wid):
    class C: pass
    watch_type(wid, C)
    C.foo = "bar"
    seen = C.foo
    unwatch_type(wid, C)
    C.bar = "baz"
    return [seen] + names(get_type_modified_events())


def clear_watcher():
    class C: pass
    outer = []
    wid = add_type_watcher(TYPES)
    watch_type(wid, C)
    C.foo = "bar"
    seen = C.foo
    outer.append(names(get_type_modified_events()))
    clear_type_watcher(wid)
    # The slot is empty but C keeps its watch bit: no event goes anywhere.
    C.bar = "baz"
    return [seen, outer]


def subclass(wid):
    class C: pass
    class D(C): pass
    watch_type(wid, D)
    C.foo = "bar"
    return names(get_type_modified_events())


def base_not_notified(wid):
    class C: pass
    class D(C): pass
    watch_type(wid, C)
    D.foo = "bar"
    return names(get_type_modified_events())


def bases_assignment(wid):
    # Beyond CPython's list: assigning __bases__ notifies the class and its watched
    # subclasses, and a rejected assignment notifies nobody.
    class A: pass
    class B: pass
    class C(A): pass
    class D(C): pass
    watch_type(wid, C)
    watch_type(wid, D)
    C.__bases__ = (B,)
    first = names(get_type_modified_events())
    try:
        C.__bases__ = (D,)
    except TypeError as e:
        first.append(str(e))
    D.mark = 1
    return first + names(get_type_modified_events())


def error(wid):
    class C: pass
    watch_type(wid, C)
    with catch_unraisable() as cm:
        C.foo = "bar"
        u = cm.unraisable
        return [u.err_msg == f"Exception ignored in type watcher callback #{wid} for {C!r}",
                u.object, str(u.exc_value)]


def two_watchers():
    class C1: pass
    class C2: pass
    w1 = add_type_watcher(TYPES)
    w2 = add_type_watcher(WRAP)
    try:
        watch_type(w1, C1)
        watch_type(w2, C2)
        C1.foo = "bar"
        C2.hmm = "baz"
        return [w1 != w2, names(get_type_modified_events())]
    finally:
        clear_type_watcher(w1)
        clear_type_watcher(w2)


def all_watchers():
    class C: pass
    ids = []
    try:
        while not ids or ids[-1] < 7:
            ids.append(add_type_watcher(TYPES))
        watch_type(ids[-1], C)
        C.foo = "bar"
        return names(get_type_modified_events())
    finally:
        for wid in ids:
            clear_type_watcher(wid)


def too_many():
    ids = []
    try:
        for _ in range(9):
            ids.append(add_type_watcher(TYPES))
    finally:
        for wid in ids:
            clear_type_watcher(wid)


class Plain: pass


check("watch_type", lambda: with_watcher(TYPES, watch_a_type))
check("event_aggregation", lambda: with_watcher(TYPES, aggregation))
check("lookup_resets_aggregation", lambda: with_watcher(TYPES, lookup_resets))
check("unwatch_type", lambda: with_watcher(TYPES, unwatch))
check("clear_watcher", clear_watcher)
check("watch_type_subclass", lambda: with_watcher(TYPES, subclass))
check("subclass_change_does_not_notify_base", lambda: with_watcher(TYPES, base_not_notified))
check("bases_assignment", lambda: with_watcher(TYPES, bases_assignment))
check("error", lambda: with_watcher(ERROR, error))
check("error events", lambda: with_watcher(TYPES, lambda w: with_watcher(ERROR, error) and get_type_modified_events()))
check("two_watchers", two_watchers)
check("all_watchers", all_watchers)
check("watch_non_type", lambda: with_watcher(TYPES, lambda wid: watch_type(wid, 1)))
check("unwatch_non_type", lambda: with_watcher(TYPES, lambda wid: unwatch_type(wid, 1)))
for bad in (-1, 8):
    check(f"watch_out_of_range {bad}", lambda: watch_type(bad, Plain))
    check(f"unwatch_out_of_range {bad}", lambda: unwatch_type(bad, Plain))
    check(f"clear_out_of_range {bad}", lambda: clear_type_watcher(bad))
check("watch_unassigned", lambda: watch_type(1, Plain))
check("unwatch_unassigned", lambda: unwatch_type(1, Plain))
check("clear_unassigned", lambda: clear_type_watcher(1))
check("no_more_ids_available", too_many)
