"""How many of CPython 3.13's standard-library modules tripwire imports: every name
of `sys.stdlib_module_names` (less the Windows and macOS ones) is imported alone, in
a fresh `tripwire run -c 'import NAME'`; the count, then each failure's last line.

Usage: python3.13 scripts/stdlib_imports.py TRIPWIRE_BINARY
"""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

NOT_ON_LINUX = {"_overlapped", "_winapi", "_wmi", "msvcrt", "nt", "winreg",
                "winsound", "_scproxy"}


def try_import(tripwire, name):
    try:
        done = subprocess.run([tripwire, "run", "-c", f"import {name}"],
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return name, "timed out"
    if done.returncode == 0:
        return name, None
    lines = done.stderr.strip().splitlines()
    return name, lines[-1] if lines else f"exit status {done.returncode}"


def main():
    tripwire = sys.argv[1]
    names = sorted(set(sys.stdlib_module_names) - NOT_ON_LINUX)
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda n: try_import(tripwire, n), names))
    failures = [(n, why) for n, why in results if why is not None]
    print(f"{len(names) - len(failures)} of {len(names)} import")
    for name, why in failures:
        print(f"{name}: {why}")


if __name__ == "__main__":
    main()
