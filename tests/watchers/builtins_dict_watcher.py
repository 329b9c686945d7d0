# The builtins module's namespace is a dict like any other to watchers: changes made
# through the module (`builtins.x = ...`, setattr, del) are events. Any dict may be
# watched, dict subclasses included.
import builtins
from wlib import *


class SubDict(dict):
    pass


wid = add_dict_watcher(0)
watch_dict(wid, builtins.__dict__)
builtins.tw_extra = 1
setattr(builtins, "tw_extra", 2)
del builtins.tw_extra
unwatch_dict(wid, builtins.__dict__)
builtins.tw_unwatched = 3
del builtins.tw_unwatched
sub = SubDict()
watch_dict(wid, sub)
sub["k"] = "v"
del sub["k"]
unwatch_dict(wid, sub)
print(get_dict_watcher_events())
clear_dict_watcher(wid)
