# linecache reads source through tokenize.open (open, io.TextIOWrapper, os.stat).
import linecache
import tokenize

print("line 1:", linecache.getline(__file__, 1).rstrip())
print("lines:", len(linecache.getlines(__file__)) > 10)
print("missing:", repr(linecache.getline(__file__ + ".missing", 1)))
with tokenize.open(__file__) as f:
    print("tokenize.open:", type(f).__name__, f.encoding, f.readline().rstrip())

