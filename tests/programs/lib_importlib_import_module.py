# importlib.import_module goes through importlib's own _bootstrap, whose module
# locks are _thread.RLock objects.
import importlib
import sys

m = importlib.import_module("xml.etree.ElementTree")
print(m.__name__, "xml.etree" in sys.modules)
print(importlib.import_module(".ElementTree", "xml.etree") is m)
print(importlib.import_module("json").dumps([1, 2]))
try:
    importlib.import_module("no_such_module_here")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)

helper = importlib.import_module("helper_shapes")
print(helper.__name__, helper is sys.modules["helper_shapes"])
print(importlib.import_module("..dom", "xml.etree").__name__)
