# bpo-30744: a traced frame's closure variable rebound while the trace function
# runs -- by another thread, and by code the trace function calls itself. CPython
# 3.11 and 3.12 copy the locals into a dict for the trace call and write the dict
# back afterwards, losing the rebinding; 3.13 (PEP 667) and tripwire keep it.
import sys
import threading


def traced(rebind):
    x = "before"

    def set_x(value):
        nonlocal x
        x = value

    state = {"armed": True}

    def tracer(frame, event, arg):
        if event == "line" and frame.f_code is traced.__code__ and state["armed"]:
            state["armed"] = False
            frame.f_locals  # the snapshot CPython < 3.13 writes back
            rebind(set_x)
        return tracer

    sys._getframe().f_trace = tracer
    sys.settrace(tracer)
    marker = 1
    seen = x
    sys.settrace(None)
    return seen, x


def by_another_thread(set_x):
    t = threading.Thread(target=set_x, args=("from thread",))
    t.start()
    t.join()


def by_the_trace_function(set_x):
    set_x("from tracer")


def by_a_thread_while_traced_code_waits(set_x):
    ready = threading.Event()

    def worker():
        ready.wait()
        set_x("from waiting thread")

    t = threading.Thread(target=worker)
    t.start()
    ready.set()
    t.join()


for rebind in (by_another_thread, by_the_trace_function, by_a_thread_while_traced_code_waits):
    print(rebind.__name__, traced(rebind))

# Traced threads: threading.settrace applies to threads started afterwards.
events = []


def thread_tracer(frame, event, arg):
    if frame.f_code.co_name == "work":
        events.append(event)
    return thread_tracer


def work():
    total = 0
    for i in range(2):
        total += i
    return total


threading.settrace(thread_tracer)
t = threading.Thread(target=work)
t.start()
t.join()
threading.settrace(None)
print(events)
print(sys.gettrace())
