# Module caching in sys.modules; module-level code runs once; shared mutable state.
import sys
print("helper_config" in sys.modules)
import helper_config
print("helper_config" in sys.modules, sys.modules["helper_config"] is helper_config)
import helper_config
import helper_config as again
print(again is helper_config)
from helper_config import *
print(sorted(n for n in ["settings", "get", "set_value", "hidden", "ConfigError"] if n in dir()))
print(get("level"), get("missing", "dflt"))
set_value("debug", True)
print(helper_config.settings, settings is helper_config.settings)
import helper_chain
print(helper_chain.debug_enabled())
import helper_shapes
print("helper_shapes" in sys.modules, "helper_chain" in sys.modules)
squares = helper_chain.make_squares(3)
print([sq.area() for sq in squares], type(squares[0]) is helper_shapes.Square)
helper_config.settings["level"] = 99
print(get("level"))
try:
    helper_config.require("nope")
except helper_config.ConfigError as e:
    print(type(e).__name__, e, type(e).__module__)
helper_config.new_attr = "added from outside"
import helper_config as hc
print(hc.new_attr)
print(helper_config.__name__, __name__, helper_chain.__name__)
print(hasattr(helper_config, "__file__"), helper_config.__file__.endswith("helper_config.py"))
