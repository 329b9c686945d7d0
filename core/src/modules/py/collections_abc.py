"""collections.abc: the container ABCs, which live in `_collections_abc`."""

from _collections_abc import *
from _collections_abc import __all__
# Where pickle finds the class of Callable[[...], ...] (its __module__ is this one).
from _collections_abc import _CallableGenericAlias
