# The lost-writes family (bpo-30744), single-threaded: a traced frame's closure
# variable is rebound by code the trace function runs. CPython 3.11 and 3.12 copied
# the locals into a dict before each trace call and back after it, undoing the
# rebinding (3.12.1 prints "seen [0, 0, 0]" and "counter 0" below: every write lost); 3.13 (PEP 667)
# and tripwire keep every write.
import sys

def make():
    counter = 0
    def bump():
        nonlocal counter
        counter += 1
    def work(n):
        seen = []
        for _ in range(n):
            seen.append(counter)
        return seen, counter
    return bump, work

bump, work = make()

def tracer(frame, event, arg):
    if frame.f_code.co_name == 'work':
        if event == 'line':
            frame.f_locals   # 3.12 snapshots the locals here...
            bump()           # ...so this rebinding is undone after the call
        return tracer
    return None

sys.settrace(tracer)
seen, final = work(3)
sys.settrace(None)
print("seen", seen)
print("counter", final)

# The frame's own writes made while the trace function holds an old proxy.
def own_writes():
    x = 0
    for i in range(3):
        x += 1
    return x

proxies = []
def holder(frame, event, arg):
    if frame.f_code.co_name == 'own_writes':
        proxies.append(frame.f_locals)
        return holder
    return None

sys.settrace(holder)
print("own_writes", own_writes())
sys.settrace(None)
print("proxies", len(proxies) > 3)
