"""_imp: what importlib's bootstrap asks of the import system. tripwire imports
natively (its own modules, then sys.path); this module answers for that system:
built-in modules are those of sys.builtin_module_names, none is frozen, no
extension module or .pyc is loaded, and the import lock is a reentrant lock.

Importing it also puts on sys.meta_path the finder importlib's own machinery
(import_module, util.find_spec) asks: it finds what the native import would, and
its loader lets the native import load it."""

import sys
import _thread
import _imp_find

check_hash_based_pycs = 'default'

# sys and builtins are set up with the interpreter and cannot be made again.
_NOT_REINITIALIZABLE = ('sys', 'builtins')


def _check_name(function, name):
    if not isinstance(name, str):
        raise TypeError(
            f"{function}() argument must be str, not {type(name).__name__}")


def is_builtin(name, /):
    _check_name('is_builtin', name)
    if name not in sys.builtin_module_names:
        return 0
    return -1 if name in _NOT_REINITIALIZABLE else 1


def create_builtin(spec, /):
    name = spec.name
    _check_name('create_builtin', name)
    if name not in sys.builtin_module_names:
        return None
    if name not in sys.modules:
        __import__(name)
    return sys.modules[name]


def exec_builtin(mod, /):
    return 0


def is_frozen(name, /):
    _check_name('is_frozen', name)
    return False


def is_frozen_package(name, /):
    _check_name('is_frozen_package', name)
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def find_frozen(name, /, *, withdata=False):
    _check_name('find_frozen', name)
    return None


def get_frozen_object(name, data=None, /):
    _check_name('get_frozen_object', name)
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def init_frozen(name, /):
    _check_name('init_frozen', name)
    return None


def extension_suffixes():
    return []


_lock = _thread.allocate_lock()
_owner = None
_depth = 0


def acquire_lock():
    global _owner, _depth
    me = _thread.get_ident()
    if _owner != me:
        _lock.acquire()
        _owner = me
    _depth += 1


def release_lock():
    global _owner, _depth
    if _owner != _thread.get_ident():
        raise RuntimeError("not holding the import lock")
    _depth -= 1
    if _depth == 0:
        _owner = None
        _lock.release()


def lock_held():
    return _owner is not None


class NativeImporter:
    """Finds and loads modules as tripwire's native import does: built-in ones,
    then source files on sys.path (a package's __path__ is not looked at). A
    built-in module is made by the native import; a source module is made by
    importlib and run by exec_module, so that importlib.util.LazyLoader can defer
    running it."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        where = _imp_find.find(fullname)
        if where is None:
            return None
        spec_class = sys.modules['importlib._bootstrap'].ModuleSpec
        if not where:
            return spec_class(fullname, cls, origin='built-in')
        package = where.endswith('/__init__.py')
        spec = spec_class(fullname, cls, origin=where, is_package=package)
        # __file__ is the origin; no .pyc is looked for (cache_tag is None).
        spec.has_location = True
        if package:
            spec.submodule_search_locations = [where.rpartition('/')[0]]
        return spec

    @staticmethod
    def create_module(spec):
        if spec.origin != 'built-in':
            return None
        __import__(spec.name)
        return sys.modules[spec.name]

    @classmethod
    def exec_module(cls, module):
        spec = module.__spec__
        if spec.origin != 'built-in':
            exec(cls.get_code(spec.name), module.__dict__)

    @staticmethod
    def get_code(fullname):
        """The code of a source module, as runpy (`python -m`) runs it; None for
        a built-in one."""
        where = _imp_find.find(fullname)
        if where is None:
            raise ImportError(f"No module named {fullname!r}", name=fullname)
        if not where:
            return None
        with open(where, 'rb') as file:
            source = file.read()
        return compile(source, where, 'exec', dont_inherit=True)


def _set_spec(module):
    """Give a module the native import made the __spec__, __loader__ and
    __package__ importlib's import would have given it (tripwire's import asks
    for this when one of them is first read)."""
    import importlib._bootstrap
    bootstrap = sys.modules['importlib._bootstrap']
    namespace = module.__dict__
    name = namespace['__name__']
    file = namespace.get('__file__')
    path = namespace.get('__path__')
    if file is None:
        builtin = name in sys.builtin_module_names
        loader = bootstrap.BuiltinImporter if builtin else NativeImporter
        spec = bootstrap.ModuleSpec(name, loader, origin='built-in')
    else:
        # CPython's loader of source files, whose resource reader
        # importlib.resources reads a package's files through.
        external = sys.modules['importlib._bootstrap_external']
        loader = external.SourceFileLoader(name, file)
        spec = bootstrap.ModuleSpec(name, loader, origin=file,
                                    is_package=path is not None)
        spec.has_location = True
        if path is not None:
            spec.submodule_search_locations = path
    namespace.setdefault('__loader__', loader)
    namespace.setdefault('__package__', spec.parent)
    namespace['__spec__'] = spec


def _source_folder_hook(path):
    """sys.path_hooks' finder of source modules in a folder, as CPython's start-up
    installs it: what pkgutil.iter_modules lists a package's modules with."""
    from importlib.machinery import FileFinder, SourceFileLoader, SOURCE_SUFFIXES
    return FileFinder.path_hook((SourceFileLoader, SOURCE_SUFFIXES))(path)


if NativeImporter not in sys.meta_path:
    sys.meta_path.append(NativeImporter)
    sys.path_hooks.append(_source_folder_hook)
