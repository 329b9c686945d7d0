# CPython's test_watchers, code (6 cases) and function (7 cases) parts.
from wlib import *


def counts():
    return (get_code_watcher_num_created_events(0), get_code_watcher_num_destroyed_events(0),
            get_code_watcher_num_created_events(1), get_code_watcher_num_destroyed_events(1))


def code_events_dispatched():
    out = [counts()]
    co1 = code_newempty("test_watchers", "dummy1", 0)
    out.append(counts())
    del co1
    out.append(counts())
    w0 = add_code_watcher(0)
    out.append(counts())
    co2 = code_newempty("test_watchers", "dummy2", 0)
    out.append(counts())
    del co2
    out.append(counts())
    w1 = add_code_watcher(1)
    out.append(counts())
    co3 = code_newempty("test_watchers", "dummy3", 0)
    out.append(counts())
    del co3
    out.append(counts())
    clear_code_watcher(w1)
    clear_code_watcher(w0)
    out.append(counts())
    co4 = code_newempty("test_watchers", "dummy4", 0)
    out.append(counts())
    del co4
    out.append(counts())
    return out


def code_error():
    wid = add_code_watcher(2)
    try:
        with catch_unraisable() as cm:
            co = code_newempty("test_watchers", "dummy0", 0)
            u = cm.unraisable
            return [u.err_msg == f"Exception ignored in PY_CODE_EVENT_CREATE watcher callback for {co!r}",
                    u.object, str(u.exc_value)]
    finally:
        clear_code_watcher(wid)


def code_dealloc_error():
    co = code_newempty("test_watchers", "dummy0", 0)
    wid = add_code_watcher(2)
    try:
        with catch_unraisable() as cm:
            del co
            return str(cm.unraisable.exc_value)
    finally:
        clear_code_watcher(wid)


def func_events_dispatched():
    events = []

    def watcher(event, func, new_value):
        events.append((func_event_name(event), func, new_value))

    wid = add_func_watcher(watcher)
    try:
        def myfunc():
            pass
        out = [("create", myfunc, None) in events]
        new_code = func_events_dispatched.__code__
        myfunc.__code__ = new_code
        out.append(("modify_code", myfunc, new_code) in events)
        new_defaults = (123,)
        myfunc.__defaults__ = new_defaults
        out.append(("modify_defaults", myfunc, new_defaults) in events)
        new_defaults = (456,)
        set_func_defaults_via_capi(myfunc, new_defaults)
        out.append(("modify_defaults", myfunc, new_defaults) in events)
        new_kwdefaults = {"self": 123}
        myfunc.__kwdefaults__ = new_kwdefaults
        out.append(("modify_kwdefaults", myfunc, new_kwdefaults) in events)
        new_kwdefaults = {"self": 456}
        set_func_kwdefaults_via_capi(myfunc, new_kwdefaults)
        out.append(("modify_kwdefaults", myfunc, new_kwdefaults) in events)
        events.clear()
        del myfunc
        out.append([e[0] for e in events])
        return out
    finally:
        clear_func_watcher(wid)


def func_multiple_watchers():
    events0 = []
    events1 = []
    w0 = add_func_watcher(lambda *args: events0.append(args))
    w1 = add_func_watcher(lambda *args: events1.append(args))
    try:
        def myfunc():
            pass
        return [e[1] is myfunc for e in events0] + [e[1] is myfunc for e in events1]
    finally:
        clear_func_watcher(w1)
        clear_func_watcher(w0)


class MyError(Exception):
    pass


def raising_watcher(*args):
    raise MyError("testing 123")


def func_watcher_raises():
    wid = add_func_watcher(raising_watcher)
    try:
        with catch_unraisable() as cm:
            def myfunc():
                pass
            u = cm.unraisable
            return [u.err_msg == ("Exception ignored in PyFunction_EVENT_CREATE watcher "
                                  f"callback for {repr(myfunc)[1:-1]}"),
                    u.object, type(u.exc_value).__name__]
    finally:
        clear_func_watcher(wid)


def func_dealloc_watcher_raises():
    def myfunc():
        pass
    wid = add_func_watcher(raising_watcher)
    try:
        with catch_unraisable() as cm:
            del myfunc
            return type(cm.unraisable.exc_value).__name__
    finally:
        clear_func_watcher(wid)


check("code_object_events_dispatched", code_events_dispatched)
check("code_error", code_error)
check("code_dealloc_error", code_dealloc_error)
for bad in (-1, 8):
    check(f"code_clear_out_of_range {bad}", lambda: clear_code_watcher(bad))
check("code_clear_unassigned", lambda: clear_code_watcher(1))
check("code_allocate_too_many", allocate_too_many_code_watchers)
check("func_events_dispatched", func_events_dispatched)
check("func_multiple_watchers", func_multiple_watchers)
check("func_watcher_raises_error", func_watcher_raises)
check("func_dealloc_watcher_raises_error", func_dealloc_watcher_raises)
for bad in (-1, 8):
    check(f"func_clear_out_of_range {bad}", lambda: clear_func_watcher(bad))
check("func_clear_unassigned", lambda: clear_func_watcher(1))
check("func_allocate_too_many", allocate_too_many_func_watchers)
