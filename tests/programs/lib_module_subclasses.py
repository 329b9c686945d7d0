# What CPython's library does with subclasses of types.ModuleType: importlib.util's
# LazyLoader (a module whose class is _LazyModule until its first attribute access),
# and multiprocessing's spawn start method (a fresh interpreter runs __mp_main__),
# which also needs _posixshmem and RLock._recursion_count for its resource tracker.
import importlib.util
import multiprocessing
import os
import sys
import tempfile
import types


def square(x):
    return x * x


def lazy_import(name):
    spec = importlib.util.find_spec(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


if __name__ == '__main__':
    print('main spec:', __spec__, 'package:', __package__)
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, 'slowmod.py'), 'w') as f:
            f.write("print('slowmod runs')\nVALUE = 41\ndef bump(x):\n    return x + 1\n")
        sys.path.insert(0, folder)
        lazy = lazy_import('slowmod')
        print('lazy:', type(lazy).__name__, isinstance(lazy, types.ModuleType))
        print('value:', lazy.bump(lazy.VALUE))
        print('after:', type(lazy).__name__, lazy.__name__)
        sys.path.remove(folder)

    ctx = multiprocessing.get_context('spawn')
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(6)))
    p = ctx.Process(target=square, args=(3,))
    p.start()
    p.join()
    print('exit code:', p.exitcode)
