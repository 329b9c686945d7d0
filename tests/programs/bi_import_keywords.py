# __import__ with its arguments given by keyword: fromlist and level decide whether
# the package or the submodule comes back.
m = __import__("collections.abc", fromlist=["Mapping"], level=0)
print(m.__name__, hasattr(m, "Mapping"))
m = __import__("collections.abc", globals(), None, ["Mapping"], 0)
print(m.__name__)
m = __import__("collections.abc")
print(m.__name__)
m = __import__(name="json", globals=None, fromlist=())
print(m.__name__)
try:
    __import__("json", nosuch=1)
except TypeError as e:
    print(type(e).__name__, e)
