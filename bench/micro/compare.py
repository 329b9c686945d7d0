"""Run iteration.py under tripwire and CPython and print the time ratios.

    python3 bench/micro/compare.py [--tripwire PATH] [--python PATH] [NAME...]
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
    p.add_argument("names", nargs="*")
    a = p.parse_args()
    script = os.path.join(HERE, "iteration.py")
    tw = run([a.tripwire, "run", script, *a.names])
    cp = run([a.python, script, *a.names])
    print(f"{'case':22} {'tripwire ms':>12} {'cpython ms':>11} {'ratio':>6}")
    for name, ms in tw.items():
        print(f"{name:22} {ms:12.1f} {cp[name]:11.1f} {ms / cp[name]:6.2f}")


main()
