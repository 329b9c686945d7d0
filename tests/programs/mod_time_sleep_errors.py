# time.sleep's argument errors: CPython converts to a 64-bit nanosecond count
# first, so huge values raise OverflowError at once instead of sleeping forever.
import time

for value in [10**10, 10**30, -10**30, 1e10, float("inf"), float("-inf"),
              float("nan"), -1, -0.5, "1", None]:
    try:
        time.sleep(value)
        print("slept", value)
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
time.sleep(0)
time.sleep(0.0)
print("done")
