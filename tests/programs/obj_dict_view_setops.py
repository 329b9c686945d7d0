# Key and item views combine with any iterable under | & - ^ (either side), as
# CPython's do; & tests membership in the view, so unhashable items are no error.
d = {'a': 1, 'b': 2}
for e in ['d.keys() - ["a"]', '["a", "c"] - d.keys()', 'sorted(d.items() - [("a", 1)])', 'sorted(d.keys() & "ab")', 'sorted(d.keys() | (1,), key=str)', 'd.keys() - 5', '5 & d.keys()',
          'sorted(d.keys() ^ ["a", "z"])', 'd.keys() - {"a"}', 'sorted(range(3) | {0: 0}.keys())', 'd.values() - ["a"]', 'sorted(d.keys() - iter(["b"]))', 'sorted(d.keys() | {"q": 1})', "d.items() & [[1]]"]:
    try:
        print(e, eval(e))
    except Exception as x:
        print(e, type(x).__name__, x)
class R:
    def __rsub__(self, other):
        return 'rsub'
    def __iter__(self):
        return iter(['a'])
print(d.keys() - R())
