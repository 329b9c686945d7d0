# Every module an import made has __spec__, __loader__ and __package__, as
# importlib's import gives them; importlib.resources and ensurepip read them.
import sys
import importlib.util
import importlib.resources
import ensurepip
import html
import html.entities
import email.mime
import math
import functools

print(ensurepip.version())
for mod in (html, html.entities, email.mime):
    spec = mod.__spec__
    print(mod.__name__, spec.name, spec.parent, spec.origin == mod.__file__,
          spec.has_location, mod.__package__, mod.__loader__ is spec.loader)
    print("  package:", spec.submodule_search_locations is not None,
          spec.submodule_search_locations == getattr(mod, '__path__', None))
print(math.__spec__.name, sys.__spec__.origin, sys.__spec__.name)
print(functools.__spec__.name, functools.__package__, functools.__spec__.parent)
print('__spec__' in vars(html), "__loader__" in vars(html))
print(importlib.util.find_spec("html.entities").name)
files = importlib.resources.files('email')
print(files.joinpath('charset.py').is_file(), files.joinpath('nope.py').is_file())

import types
m = types.ModuleType('made_by_hand')
print(m.__spec__, m.__loader__, m.__package__)
sys.modules['made_by_hand'] = m
del m.__spec__
try:
    m.__spec__
except AttributeError as e:
    print("AttributeError:", e)

import builtins
print(builtins.__spec__.name, builtins.__spec__.origin, builtins.__loader__.__name__)
del html.entities.__spec__
print(hasattr(html.entities, '__spec__'), html.entities.__loader__.name)
