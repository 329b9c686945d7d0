"""_warnings: warn and warn_explicit for the modules that import them from here
(importlib's bootstrap). They hand over to CPython's pure-Python warnings module,
which keeps the filters and registries itself (this module offers none, so
warnings takes its Python path)."""


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    import warnings
    warnings.warn(message, category, stacklevel + 1, source,
                  skip_file_prefixes=skip_file_prefixes)


def warn_explicit(message, category, filename, lineno, module=None,
                  registry=None, module_globals=None, source=None):
    import warnings
    warnings.warn_explicit(message, category, filename, lineno, module,
                           registry, module_globals, source)
