"""Abstract Base Classes (PEP 3119).

The machinery itself lives in _collections_abc (which must not depend on
this module); this module gives it its usual home.
"""

from _collections_abc import (ABCMeta, ABC, abstractmethod, get_cache_token,
                              update_abstractmethods)

__all__ = ['ABCMeta', 'ABC', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']


class abstractclassmethod(classmethod):
    """A classmethod that is also abstract (deprecated: stack @classmethod
    on @abstractmethod instead)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """A staticmethod that is also abstract (deprecated: stack
    @staticmethod on @abstractmethod instead)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """A property that is also abstract (deprecated: stack @property on
    @abstractmethod instead)."""

    __isabstractmethod__ = True
