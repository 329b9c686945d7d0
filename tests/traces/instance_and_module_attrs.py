import tripwire
def quiet(*args):
    pass
w = tripwire.add_dict_watcher(quiet)
class Point:
    def __init__(self, x):
        self.x = x
p = Point(1)
tripwire.watch_dict(w, p.__dict__)
p.x = 2
p.y = 3
del p.y
setattr(p, "x", 2)
vars(p)["x"] = 4
tripwire.clear_dict_watcher(w)
