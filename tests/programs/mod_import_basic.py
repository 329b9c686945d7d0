# Importing helper modules: import, from-import, as, star, attribute access.
print("before import")
import helper_shapes
print("after first import")
import helper_shapes as hs
from helper_shapes import Circle, Square as Sq, total_area
print(hs is helper_shapes, helper_shapes.__name__, hs.whoami(), helper_shapes.LOAD_COUNT)
c = Circle(1)
s = Sq(3)
print(c.describe(), s.describe(), round(total_area([c, s]), 4))
print(type(c).__module__, Circle.__qualname__, isinstance(s, helper_shapes.Shape))
try:
    helper_shapes.Shape().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    from helper_shapes import DoesNotExist
except ImportError as e:
    # the full message ends with the module's file path, so print only the stable prefix
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    import helper_does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    helper_shapes.nothing_here
except AttributeError as e:
    print(type(e).__name__, e)
from helper_shapes import *
print("Circle" in dir(), "_private" in dir(), "math" in dir())
print(helper_shapes.math.sqrt(49))
print(sorted(n for n in dir(helper_shapes) if not n.startswith("__")))
