# CPython's test_watchers, dict part (20 cases).
from wlib import *

EVENTS, ERROR, SECOND = 0, 1, 2


def with_watcher(kind, body):
    wid = add_dict_watcher(kind)
    try:
        return body(wid)
    finally:
        clear_dict_watcher(wid)


def set_new_item(wid):
    d = {}
    watch_dict(wid, d)
    d["foo"] = "bar"
    return get_dict_watcher_events()


def set_existing_item(wid):
    d = {"foo": "bar"}
    watch_dict(wid, d)
    d["foo"] = "baz"
    return get_dict_watcher_events()


def clone(wid):
    d = {}
    d2 = {"foo": "bar"}
    watch_dict(wid, d)
    d.update(d2)
    return get_dict_watcher_events()


def no_event_if_not_watched(wid):
    d = {}
    d["foo"] = "bar"
    return get_dict_watcher_events()


def delete(wid):
    d = {"foo": "bar"}
    watch_dict(wid, d)
    del d["foo"]
    return get_dict_watcher_events()


def pop(wid):
    d = {"foo": "bar"}
    watch_dict(wid, d)
    d.pop("foo")
    return get_dict_watcher_events()


def clear(wid):
    d = {"foo": "bar"}
    watch_dict(wid, d)
    d.clear()
    return get_dict_watcher_events()


def dealloc(wid):
    d = {"foo": "bar"}
    watch_dict(wid, d)
    del d
    return get_dict_watcher_events()


def unwatch(wid):
    d = {}
    watch_dict(wid, d)
    d["foo"] = "bar"
    unwatch_dict(wid, d)
    d["hmm"] = "baz"
    return get_dict_watcher_events()


def error(wid):
    d = {}
    watch_dict(wid, d)
    with catch_unraisable() as cm:
        d["foo"] = "bar"
        u = cm.unraisable
        return [mask_addresses(u.err_msg), u.object, str(u.exc_value), d]


def dealloc_error(wid):
    d = {}
    watch_dict(wid, d)
    with catch_unraisable() as cm:
        del d
        return str(cm.unraisable.exc_value)


def two_watchers():
    d1 = {}
    d2 = {}
    w1 = add_dict_watcher(EVENTS)
    w2 = add_dict_watcher(SECOND)
    try:
        watch_dict(w1, d1)
        watch_dict(w2, d2)
        d1["foo"] = "bar"
        d2["hmm"] = "baz"
        return get_dict_watcher_events()
    finally:
        clear_dict_watcher(w1)
        clear_dict_watcher(w2)


check("set_new_item", lambda: with_watcher(EVENTS, set_new_item))
check("set_existing_item", lambda: with_watcher(EVENTS, set_existing_item))
check("clone", lambda: with_watcher(EVENTS, clone))
check("no_event_if_not_watched", lambda: with_watcher(EVENTS, no_event_if_not_watched))
check("del", lambda: with_watcher(EVENTS, delete))
check("pop", lambda: with_watcher(EVENTS, pop))
check("clear", lambda: with_watcher(EVENTS, clear))
check("dealloc", lambda: with_watcher(EVENTS, dealloc))
check("unwatch", lambda: with_watcher(EVENTS, unwatch))
check("error", lambda: with_watcher(ERROR, error))
check("error events", lambda: with_watcher(EVENTS, lambda wid: with_watcher(ERROR, error) and get_dict_watcher_events()))
check("dealloc_error", lambda: with_watcher(ERROR, dealloc_error))
check("two_watchers", two_watchers)
check("watch_non_dict", lambda: with_watcher(EVENTS, lambda wid: watch_dict(wid, 1)))
check("unwatch_non_dict", lambda: with_watcher(EVENTS, lambda wid: unwatch_dict(wid, 1)))
for bad in (-1, 8):
    check(f"watch_out_of_range {bad}", lambda: watch_dict(bad, {}))
    check(f"unwatch_out_of_range {bad}", lambda: unwatch_dict(bad, {}))
    check(f"clear_out_of_range {bad}", lambda: clear_dict_watcher(bad))
check("watch_unassigned", lambda: watch_dict(3, {}))
check("unwatch_unassigned", lambda: unwatch_dict(3, {}))
check("clear_unassigned", lambda: clear_dict_watcher(3))
