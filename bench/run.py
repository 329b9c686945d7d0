#!/usr/bin/env python3
"""Run the benchmarks: a thin wrapper that execs `tripwire bench`.

Usage (from the repo root):
    python3 bench/run.py [--tripwire PATH] [tripwire bench OPTIONS] [PROGRAMS...]

--tripwire PATH names the binary (default: target/release/tripwire under the repo
root, so build it first with `cargo build --release`); every other argument goes to
`tripwire bench` as it is (see `tripwire bench --help` and bench/README.md).
"""

import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv):
    tripwire = os.path.join(REPO_ROOT, "target", "release", "tripwire")
    rest = []
    args = iter(argv)
    for arg in args:
        if arg == "--tripwire":
            tripwire = next(args, "")
        elif arg.startswith("--tripwire="):
            tripwire = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    if not (os.path.isfile(tripwire) and os.access(tripwire, os.X_OK)):
        print(f"error: tripwire binary not found or not executable: {tripwire}\n"
              "build it with `cargo build --release` or pass --tripwire PATH",
              file=sys.stderr)
        return 2
    os.execv(tripwire, [tripwire, "bench", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
