# _imp: what importlib's bootstrap asks of the import system (built-in and
# frozen modules, the reentrant import lock), with CPython's errors.
import _imp, types
print(_imp.is_builtin('sys'), _imp.is_builtin('builtins'), _imp.is_builtin('no_such'), _imp.is_builtin('_imp'), _imp.is_builtin('_thread'))
print(_imp.is_frozen('no_such'), _imp.find_frozen('no_such'), _imp.lock_held())
try:
    _imp.create_builtin(types.SimpleNamespace(name='no_such'))
except Exception as e: print(type(e).__name__, e)
try:
    _imp.get_frozen_object('no_such')
except Exception as e: print(type(e).__name__, e)
try:
    _imp.release_lock()
except Exception as e: print(type(e).__name__, e)
import sys
print(_imp.create_builtin(types.SimpleNamespace(name='sys')) is sys, _imp.exec_builtin(sys))
print(_imp.check_hash_based_pycs)
try: _imp.is_builtin(1)
except Exception as e: print(type(e).__name__, e)
_imp.acquire_lock(); _imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock(); print(_imp.lock_held())
_imp.release_lock(); print(_imp.lock_held())
print(_imp.extension_suffixes() == [] or all(s.endswith('.so') or s.endswith('.pyd') for s in _imp.extension_suffixes()))
