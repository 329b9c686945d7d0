# A thread traced by a function whose own work outlasts the switch interval, while
# the main thread busy-waits on a flag that thread sets: a switch inside the trace
# function neither repeats the event nor keeps the traced thread from advancing.
import sys
import threading

sys.setswitchinterval(1e-5)
done = False
events = []


def tracer(frame, event, arg):
    x = 0
    for i in range(50):
        x += i
    if frame.f_code.co_name == "work":
        events.append((event, frame.f_lineno))
    return tracer


def work():
    global done
    total = 0
    for i in range(20):
        total += i
    done = True
    return total


def body():
    sys.settrace(tracer)
    work()
    sys.settrace(None)


t = threading.Thread(target=body)
t.start()
while not done:
    pass
t.join()
print(len(events))
for e in events:
    print(*e)
