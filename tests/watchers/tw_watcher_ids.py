# Watcher ids outside 0..8, however large, are ValueError with CPython's text
# (tripwire only: CPython's Python API has no Python-level watchers).
import tripwire

calls = [
    ("watch_dict", lambda i: tripwire.watch_dict(i, {})),
    ("unwatch_dict", lambda i: tripwire.unwatch_dict(i, {})),
    ("clear_dict_watcher", tripwire.clear_dict_watcher),
    ("watch_type", lambda i: tripwire.watch_type(i, int)),
    ("unwatch_type", lambda i: tripwire.unwatch_type(i, int)),
    ("clear_type_watcher", tripwire.clear_type_watcher),
    ("clear_func_watcher", tripwire.clear_func_watcher),
    ("clear_code_watcher", tripwire.clear_code_watcher),
]
for name, call in calls:
    for bad in (2**63, -2**63 - 1, 2**100, 8, -1):
        try:
            call(bad)
        except ValueError as e:
            print(name, bad, "ValueError:", e)
