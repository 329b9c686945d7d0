"""Start-up time of `tripwire run` on an empty program against CPython's, measured
as hyperfine does: warm-up runs, then the two commands alternately, N times each.

Usage: python3 scripts/startup_time.py TRIPWIRE_BINARY PYTHON [RUNS]
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time


def main():
    tripwire, python = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        empty = f.name
    commands = {"tripwire": [tripwire, "run", empty], "cpython": [python, empty]}
    times = {name: [] for name in commands}
    try:
        for _ in range(3):
            for cmd in commands.values():
                subprocess.run(cmd, check=True)
        for _ in range(runs):
            for name, cmd in commands.items():
                start = time.perf_counter()
                subprocess.run(cmd, check=True)
                times[name].append(time.perf_counter() - start)
    finally:
        os.unlink(empty)
    for name, t in times.items():
        print(f"{name:9} mean {statistics.mean(t) * 1e3:6.2f} ms  "
              f"median {statistics.median(t) * 1e3:6.2f} ms  "
              f"min {min(t) * 1e3:6.2f} ms  ({runs} runs)")


main()
