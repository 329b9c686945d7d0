# Timeouts of select.select, poll.poll and epoll.poll that CPython's clock type or a
# C int cannot hold are OverflowErrors, not endless waits (fuzz mutants of
# lib_select_basics).
import select
ep = select.epoll()
for t in (99999999999999999999, 1e20, 2**31, 3e6, 0.0001):
    try: print(t, ep.poll(t))
    except Exception as e: print(t, type(e).__name__, e)
p = select.poll()
for t in (99999999999999999999, 1e20, 2**31, 1.5):
    try: print(t, p.poll(t))
    except Exception as e: print(t, type(e).__name__, e)
for t in (99999999999999999999, 1e20, 0):
    try: print(t, select.select([], [], [], t))
    except Exception as e: print(t, type(e).__name__, e)
