# The watcher API of CPython's _testcapi (the subset test_watchers uses), so the
# conformance programs here run unchanged under CPython 3.13 (on _testcapi) and under
# tripwire (on the `tripwire` module); their expected output is CPython's.
import sys

try:
    import tripwire
except ImportError:
    tripwire = None

if tripwire is None:
    import _testcapi
    from _testcapi import (
        add_dict_watcher, clear_dict_watcher, watch_dict, unwatch_dict,
        get_dict_watcher_events, add_type_watcher, clear_type_watcher, watch_type,
        unwatch_type, get_type_modified_events, add_code_watcher, clear_code_watcher,
        get_code_watcher_num_created_events, get_code_watcher_num_destroyed_events,
        code_newempty, add_func_watcher, clear_func_watcher,
        allocate_too_many_code_watchers, allocate_too_many_func_watchers,
        set_func_defaults_via_capi, set_func_kwdefaults_via_capi,
    )
    FUNC_EVENTS = {
        _testcapi.PYFUNC_EVENT_CREATE: "create",
        _testcapi.PYFUNC_EVENT_DESTROY: "destroy",
        _testcapi.PYFUNC_EVENT_MODIFY_CODE: "modify_code",
        _testcapi.PYFUNC_EVENT_MODIFY_DEFAULTS: "modify_defaults",
        _testcapi.PYFUNC_EVENT_MODIFY_KWDEFAULTS: "modify_kwdefaults",
    }

    def func_event_name(event):
        return FUNC_EVENTS[event]
else:
    _dict_events = None
    _dict_installed = 0
    _DICT_TEXT = {"added": "new", "modified": "mod", "deleted": "del"}

    def _dict_record(event, d, key, new):
        if event in ("added", "modified"):
            _dict_events.append(f"{_DICT_TEXT[event]}:{key}:{new}")
        elif event == "deleted":
            _dict_events.append(f"del:{key}")
        else:
            _dict_events.append({"cloned": "clone", "cleared": "clear",
                                 "deallocated": "dealloc"}[event])

    def _boom(*args):
        raise RuntimeError("boom!")

    def _dict_second(*args):
        _dict_events.append("second")

    def add_dict_watcher(kind):
        global _dict_events, _dict_installed
        wid = tripwire.add_dict_watcher([_dict_record, _boom, _dict_second][kind])
        if _dict_events is None:
            _dict_events = []
        _dict_installed += 1
        return wid

    def clear_dict_watcher(wid):
        global _dict_events, _dict_installed
        tripwire.clear_dict_watcher(wid)
        _dict_installed -= 1
        if not _dict_installed:
            _dict_events = None

    watch_dict = tripwire.watch_dict
    unwatch_dict = tripwire.unwatch_dict

    def get_dict_watcher_events():
        return _dict_events

    _type_events = None
    _type_installed = 0

    def _type_record(cls):
        _type_events.append(cls)

    def _type_wrap(cls):
        _type_events.append([cls])

    def add_type_watcher(kind):
        global _type_events, _type_installed
        wid = tripwire.add_type_watcher([_type_record, _boom, _type_wrap][kind])
        if _type_events is None:
            _type_events = []
        _type_installed += 1
        return wid

    def clear_type_watcher(wid):
        global _type_events, _type_installed
        tripwire.clear_type_watcher(wid)
        _type_installed -= 1
        if not _type_installed:
            _type_events = None

    watch_type = tripwire.watch_type
    unwatch_type = tripwire.unwatch_type

    def get_type_modified_events():
        return _type_events

    _code_created = [0, 0]
    _code_destroyed = [0, 0]
    _code_ids = [-1, -1]

    def _code_counter(which):
        def count(event, code):
            if event == "create":
                _code_created[which] += 1
            else:
                _code_destroyed[which] += 1
        return count

    def add_code_watcher(which):
        if which == 2:
            return tripwire.add_code_watcher(_boom)
        wid = tripwire.add_code_watcher(_code_counter(which))
        _code_ids[which] = wid
        _code_created[which] = _code_destroyed[which] = 0
        return wid

    def clear_code_watcher(wid):
        tripwire.clear_code_watcher(wid)
        for which in (0, 1):
            if _code_ids[which] == wid:
                _code_ids[which] = -1
                _code_created[which] = _code_destroyed[which] = 0

    def get_code_watcher_num_created_events(which):
        return _code_created[which]

    def get_code_watcher_num_destroyed_events(which):
        return _code_destroyed[which]

    _template = compile("", "<empty>", "exec")

    def code_newempty(filename, funcname, firstlineno):
        return _template.replace(co_name=funcname, co_qualname=funcname,
                                 co_firstlineno=firstlineno)

    def _allocate_too_many(add, clear):
        ids = []
        try:
            while True:
                ids.append(add(_boom))
        finally:
            for wid in ids:
                clear(wid)

    def allocate_too_many_code_watchers():
        _allocate_too_many(tripwire.add_code_watcher, tripwire.clear_code_watcher)

    def allocate_too_many_func_watchers():
        _allocate_too_many(tripwire.add_func_watcher, tripwire.clear_func_watcher)

    add_func_watcher = tripwire.add_func_watcher
    clear_func_watcher = tripwire.clear_func_watcher

    def set_func_defaults_via_capi(func, defaults):
        func.__defaults__ = defaults

    def set_func_kwdefaults_via_capi(func, kwdefaults):
        func.__kwdefaults__ = kwdefaults

    def func_event_name(event):
        return event


class catch_unraisable:
    """sys.unraisablehook redirected into .unraisable for the with block."""

    def __enter__(self):
        self.unraisable = None
        self.old = sys.unraisablehook

        def hook(args):
            self.unraisable = args
        sys.unraisablehook = hook
        return self

    def __exit__(self, *exc):
        sys.unraisablehook = self.old
        return False


def mask_addresses(text):
    """The text with every 0x... hex address replaced by 0xADDR."""
    out = []
    i = 0
    while i < len(text):
        if text.startswith("0x", i):
            j = i + 2
            while j < len(text) and text[j] in "0123456789abcdef":
                j += 1
            out.append("0xADDR")
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def check(name, fn):
    """Run one case; print its name and what it printed or raised."""
    try:
        result = fn()
    except Exception as e:
        result = f"{type(e).__name__}: {e}"
    print(f"{name}: {result}")
