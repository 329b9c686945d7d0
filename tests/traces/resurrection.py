import tripwire
kept = []
def keeper(event, d, key, new):
    if event == "deallocated" and len(kept) < 1:
        kept.append(d)
w = tripwire.add_dict_watcher(keeper)
d = {"payload": 1}
tripwire.watch_dict(w, d)
del d
print(len(kept))
kept.clear()
tripwire.clear_dict_watcher(w)
