"""Run a micro-benchmark script under tripwire and CPython and print the time
ratios (best of --runs whole-process runs, alternating the interpreters).

    python3 bench/micro/compare.py [--tripwire PATH] [--python PATH]
                                   [--script FILE] [--runs N] [NAME...]
"""

import argparse
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return {name: float(ms) for name, ms in (line.split() for line in out.splitlines())}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--tripwire", default=os.path.join(ROOT, "target/release/tripwire"))
    p.add_argument("--python", default="python3.13")
    p.add_argument("--script", default="iteration.py")
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("names", nargs="*")
    a = p.parse_args()
    script = os.path.join(HERE, a.script)
    tw, cp = {}, {}
    for _ in range(a.runs):
        for best, cmd in ((tw, [a.tripwire, "run"]), (cp, [a.python])):
            for name, ms in run([*cmd, script, *a.names]).items():
                best[name] = min(ms, best.get(name, ms))
    print(f"{'case':22} {'tripwire ms':>12} {'cpython ms':>11} {'ratio':>6}")
    for name, ms in tw.items():
        print(f"{name:22} {ms:12.1f} {cp[name]:11.1f} {ms / cp[name]:6.2f}")


main()
