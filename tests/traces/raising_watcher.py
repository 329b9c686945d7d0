import tripwire
def fragile(event, d, key, new):
    raise ValueError(f"cannot handle {event}")
w = tripwire.add_dict_watcher(fragile)
d = {}
tripwire.watch_dict(w, d)
d["k"] = 1
print(d)
tripwire.clear_dict_watcher(w)
