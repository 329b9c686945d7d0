# sys.setprofile / getprofile: call and return for Python frames, c_call, c_return
# and c_exception for built-in functions.
import sys

log = []
def prof(frame, event, arg):
    name = getattr(arg, '__name__', None) if event.startswith('c_') else None
    log.append((event, frame.f_code.co_name, name))

def work(xs):
    total = len(xs)
    try:
        int("x")
    except ValueError:
        pass
    return total

def gen():
    yield 1
    yield 2

sys.setprofile(prof)
print(sys.getprofile() is prof)
work([1, 2, 3])
for _ in gen():
    pass
sys.setprofile(None)
for entry in log:
    print(*entry)
print(sys.getprofile())

def raising_profiler(frame, event, arg):
    raise ValueError("profiler failed")

def target():
    return 1

sys.setprofile(raising_profiler)
try:
    target()
except ValueError as e:
    print("caught", e)
print(sys.getprofile())
