# time: only relative checks, never printed values.
import time
t0 = time.perf_counter()
total = 0
for i in range(20000):
    total += i
t1 = time.perf_counter()
print(total, t1 >= t0, isinstance(t1, float))
print(time.sleep(0))
t2 = time.perf_counter()
print(t2 >= t1)
samples = [time.perf_counter() for _ in range(5)]
print(all(a <= b for a, b in zip(samples, samples[1:])))
time.sleep(0.001)
print(time.perf_counter() - t2 > 0)
