import tripwire
def quiet(*args):
    pass
w = tripwire.add_dict_watcher(quiet)
target = {}
tripwire.watch_dict(w, target)
target.update({"a": 1, "b": 2})
target.update({"b": 3, "c": 4})
target |= {"d": 5}
target.update(e=6)
target.pop("a")
target.popitem()
target.clear()
target.clear()
target.setdefault("z", [])
del target
tripwire.clear_dict_watcher(w)
