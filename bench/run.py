#!/usr/bin/env python3
"""Benchmark runner: compare tripwire against CPython 3.13.

Usage:
    python3 bench/run.py [--runs N] [--tripwire PATH] [--python PATH]
                         [--json FILE] [--timeout SECONDS] [NAMES...]

Each benchmark bench/NAME.py is run N times under `tripwire run` and N times
under CPython, alternating.  For every child process the wall time and the
peak resident set size (from os.wait4 for that single child) are recorded,
and its stdout is compared with bench/NAME.out.  A wrong output or a non-zero
exit status under tripwire marks the program FAILED.

Exit status: 0 when every selected program passed (however slow), 1 when
any program FAILED, 2 on a usage / setup error.

Plain standard library, runs under Python 3.11+.
"""

import argparse
import glob
import json
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
MIB = 1024.0 * 1024.0


# ---------------------------------------------------------------------------
# Locating the interpreters


def python_version_of(path):
    """Return (major, minor) of the interpreter at path, or None if it fails."""
    try:
        out = subprocess.run(
            [path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True, timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    try:
        major, minor = out.stdout.strip().split(".")
        return int(major), int(minor)
    except ValueError:
        return None


def pyenv_root():
    exe = shutil.which("pyenv")
    if exe:
        try:
            out = subprocess.run([exe, "root"], capture_output=True, text=True, timeout=30)
            if out.returncode == 0 and out.stdout.strip():
                return out.stdout.strip()
        except (OSError, subprocess.SubprocessError):
            pass
    root = os.environ.get("PYENV_ROOT")
    if root:
        return root
    default = os.path.expanduser("~/.pyenv")
    return default if os.path.isdir(default) else None


def version_key(path):
    # .../versions/3.13.10/bin/python3 -> (3, 13, 10)
    name = os.path.basename(os.path.dirname(os.path.dirname(path)))
    parts = []
    for piece in name.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def find_reference_python(explicit):
    """--python, else $TRIPWIRE_REFERENCE_PYTHON, else python3.13 on PATH,
    else $(pyenv root)/versions/3.13*/bin/python3."""
    if explicit:
        return explicit, "--python"
    env = os.environ.get("TRIPWIRE_REFERENCE_PYTHON")
    if env:
        return env, "TRIPWIRE_REFERENCE_PYTHON"
    on_path = shutil.which("python3.13")
    # A pyenv shim may be on PATH without the version being active; only
    # accept a python3.13 that actually starts and reports 3.13.
    if on_path and python_version_of(on_path) == (3, 13):
        return on_path, "PATH"
    root = pyenv_root()
    if root:
        candidates = glob.glob(os.path.join(root, "versions", "3.13*", "bin", "python3"))
        for cand in sorted(candidates, key=version_key, reverse=True):
            if python_version_of(cand) == (3, 13):
                return cand, "pyenv"
    return None, None


# ---------------------------------------------------------------------------
# Running one child and measuring it


class Result:
    __slots__ = ("wall", "cpu", "maxrss", "exit_code", "stdout", "stderr", "timed_out")

    def __init__(self, wall, cpu, maxrss, exit_code, stdout, stderr, timed_out):
        self.wall = wall
        self.cpu = cpu
        self.maxrss = maxrss  # bytes
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.timed_out = timed_out


# On Linux a child's ru_maxrss never drops below the RSS of the process it was
# forked from (the kernel carries the high-water mark across exec), so wait4 on a
# child of this ~16 MiB runner cannot report less than that. GNU time, a small
# process, forks the benchmark itself and reports the grandchild's own peak.
GNU_TIME = shutil.which("time") if os.path.exists("/usr/bin/time") else None


def run_child(argv, env, timeout):
    """Run argv once; measure wall time and this child's own rusage."""
    rss_file = None
    if GNU_TIME:
        rss_file = tempfile.NamedTemporaryFile(delete=False)
        rss_file.close()
        argv = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file.name] + list(argv)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        timed_out = []
        start = time.perf_counter()
        # Own session/process group, so a timeout can kill anything it started.
        proc = subprocess.Popen(argv, cwd=REPO_ROOT, env=env, start_new_session=True,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=err)

        def kill():
            timed_out.append(True)
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.daemon = True
        timer.start()
        try:
            # wait4 reaps exactly this child and returns its own resource
            # usage (not the cumulative RUSAGE_CHILDREN of the runner).
            while True:
                try:
                    _, status, usage = os.wait4(proc.pid, 0)
                    break
                except InterruptedError:
                    continue
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code  # already reaped; keep Popen from waiting again
        out.seek(0)
        err.seek(0)
        stdout = out.read()
        stderr = err.read()
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    maxrss = usage.ru_maxrss * scale
    if rss_file is not None:
        try:
            with open(rss_file.name) as f:
                maxrss = int(f.read().split()[-1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        os.unlink(rss_file.name)
    return Result(wall, usage.ru_utime + usage.ru_stime, maxrss,
                  code, stdout, stderr, bool(timed_out))


def first_difference(expected, actual):
    """Describe the first line where actual differs from expected."""
    exp_lines = expected.decode("utf-8", "replace").splitlines()
    act_lines = actual.decode("utf-8", "replace").splitlines()
    for i in range(max(len(exp_lines), len(act_lines))):
        e = exp_lines[i] if i < len(exp_lines) else "<end of output>"
        a = act_lines[i] if i < len(act_lines) else "<end of output>"
        if e != a:
            return f"line {i + 1}: expected {e!r}, got {a!r}"
    return "outputs differ only in line endings or a trailing newline"


def tail(data, lines=5):
    text = data.decode("utf-8", "replace").rstrip("\n").splitlines()
    return "\n".join("      | " + ln for ln in text[-lines:])


def check(result, expected):
    """Return None if the run is good, else a one-line reason."""
    problems = []
    if result.timed_out:
        problems.append("timed out")
    elif result.exit_code != 0:
        problems.append(f"exit status {result.exit_code}")
    if result.stdout != expected:
        problems.append("wrong output, " + first_difference(expected, result.stdout))
    return "; ".join(problems) if problems else None


# ---------------------------------------------------------------------------
# Benchmark loop


def discover():
    names = []
    for path in sorted(glob.glob(os.path.join(BENCH_DIR, "*.py"))):
        name = os.path.splitext(os.path.basename(path))[0]
        if name != "run" and os.path.exists(os.path.join(BENCH_DIR, name + ".out")):
            names.append(name)
    return names


def geomean(values):
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def bench_one(name, tripwire, python, runs, env, timeout, log):
    script = os.path.join("bench", name + ".py")  # relative to REPO_ROOT (the cwd)
    with open(os.path.join(BENCH_DIR, name + ".out"), "rb") as f:
        expected = f.read()
    entry = {
        "name": name,
        "status": "ok",
        "reason": None,
        "tripwire": {"wall": [], "cpu": [], "maxrss": []},
        "cpython": {"wall": [], "cpu": [], "maxrss": []},
    }
    tw_failed = False
    for i in range(runs):
        for which, argv in (("tripwire", [tripwire, "run", script]),
                            ("cpython", [python, script])):
            if which == "tripwire" and tw_failed:
                continue  # no point timing a broken program again
            res = run_child(argv, env, timeout)
            problem = check(res, expected)
            if problem is not None:
                if which == "tripwire":
                    tw_failed = True
                    entry["status"] = "FAILED"
                    entry["reason"] = f"tripwire: {problem}"
                else:
                    entry["status"] = "FAILED"
                    entry["reason"] = (f"cpython: {problem} "
                                       f"(bench/{name}.out stale or program not deterministic?)")
                log(f"  {name}: {which} run {i + 1}: {problem}")
                if res.stderr.strip():
                    log(f"    stderr (last lines):\n{tail(res.stderr)}")
                if which == "cpython":
                    continue
            if problem is None:
                slot = entry[which]
                slot["wall"].append(res.wall)
                slot["cpu"].append(res.cpu)
                slot["maxrss"].append(res.maxrss)
    for which in ("tripwire", "cpython"):
        slot = entry[which]
        slot["median_wall"] = statistics.median(slot["wall"]) if slot["wall"] else None
        slot["peak_maxrss"] = max(slot["maxrss"]) if slot["maxrss"] else None
    tw, cp = entry["tripwire"], entry["cpython"]
    if entry["status"] == "ok":
        entry["time_ratio"] = tw["median_wall"] / cp["median_wall"]
        entry["memory_ratio"] = tw["peak_maxrss"] / cp["peak_maxrss"]
    else:
        entry["time_ratio"] = None
        entry["memory_ratio"] = None
    return entry


def fmt(value, spec, missing="-"):
    return missing if value is None else format(value, spec)


def print_table(entries):
    header = ("program", "tripwire s", "cpython s", "ratio",
              "tw MiB", "cpy MiB", "mem ratio", "status")
    rows = []
    for e in entries:
        tw, cp = e["tripwire"], e["cpython"]
        rows.append((
            e["name"],
            fmt(tw["median_wall"], ".3f"),
            fmt(cp["median_wall"], ".3f"),
            fmt(e["time_ratio"], ".2f"),
            fmt(tw["peak_maxrss"] and tw["peak_maxrss"] / MIB, ".1f"),
            fmt(cp["peak_maxrss"] and cp["peak_maxrss"] / MIB, ".1f"),
            fmt(e["memory_ratio"], ".2f"),
            e["status"],
        ))
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]

    def line(cells):
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:-1], widths[1:-1])]
        return "  ".join([first] + rest + [cells[-1]])

    print(line(header))
    print(line(["-" * w for w in widths[:-1]] + ["-" * len(header[-1])]))
    for r in rows:
        print(line(r))


def summarize(entries):
    passed = [e for e in entries if e["status"] == "ok"]
    summary = {
        "programs": len(entries),
        "passed": len(passed),
        "failed": [e["name"] for e in entries if e["status"] != "ok"],
        "geomean_time_ratio": geomean([e["time_ratio"] for e in passed]),
        "geomean_memory_ratio": geomean([e["memory_ratio"] for e in passed]),
        "worst_time_ratio": None,
        "worst_time_program": None,
        "worst_memory_ratio": None,
        "worst_memory_program": None,
    }
    if passed:
        worst_t = max(passed, key=lambda e: e["time_ratio"])
        worst_m = max(passed, key=lambda e: e["memory_ratio"])
        summary["worst_time_ratio"] = worst_t["time_ratio"]
        summary["worst_time_program"] = worst_t["name"]
        summary["worst_memory_ratio"] = worst_m["memory_ratio"]
        summary["worst_memory_program"] = worst_m["name"]
    return summary


def main(argv=None):
    ap = argparse.ArgumentParser(description="Run the tripwire benchmarks against CPython 3.13.")
    ap.add_argument("names", nargs="*", metavar="NAME",
                    help="benchmarks to run (default: every bench/NAME.py with a NAME.out)")
    ap.add_argument("--runs", type=int, default=5, help="runs per interpreter (default 5)")
    ap.add_argument("--tripwire", help="tripwire binary (default: <repo>/target/release/tripwire)")
    ap.add_argument("--python", help="reference CPython 3.13 (default: $TRIPWIRE_REFERENCE_PYTHON, "
                                     "python3.13 on PATH, or pyenv's 3.13)")
    ap.add_argument("--json", metavar="FILE", help="also write all figures to FILE as JSON")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds before one child run is killed (default 300)")
    args = ap.parse_args(argv)

    def log(msg):
        print(msg, file=sys.stderr, flush=True)

    if args.runs < 1:
        ap.error("--runs must be at least 1")

    tripwire = os.path.abspath(args.tripwire) if args.tripwire else \
        os.path.join(REPO_ROOT, "target", "release", "tripwire")
    if not (os.path.isfile(tripwire) and os.access(tripwire, os.X_OK)):
        log(f"error: tripwire binary not found or not executable: {tripwire}")
        log("build it with `cargo build --release` or pass --tripwire PATH")
        return 2

    python, origin = find_reference_python(args.python)
    if python is None:
        log("error: no CPython 3.13 found (set TRIPWIRE_REFERENCE_PYTHON, "
            "put python3.13 on PATH, or install 3.13 with pyenv)")
        return 2
    if os.sep in python:
        python = os.path.abspath(python)
    version = python_version_of(python)
    if version is None:
        log(f"error: reference python does not run: {python}")
        return 2
    if version != (3, 13):
        log(f"warning: reference python {python} is {version[0]}.{version[1]}, not 3.13")

    available = discover()
    names = args.names or available
    unknown = [n for n in names if n not in available]
    if unknown:
        log(f"error: unknown benchmark(s): {', '.join(unknown)} "
            f"(available: {', '.join(available)})")
        return 2

    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"  # the .out files were produced this way

    log(f"tripwire:  {tripwire}")
    log(f"reference: {python} (Python {version[0]}.{version[1]}, from {origin})")
    log(f"runs:      {args.runs} per interpreter, alternating")

    entries = []
    for name in names:
        entry = bench_one(name, tripwire, python, args.runs, env, args.timeout, log)
        entries.append(entry)
        if entry["status"] == "ok":
            log(f"  {name}: {entry['tripwire']['median_wall']:.3f}s vs "
                f"{entry['cpython']['median_wall']:.3f}s  (x{entry['time_ratio']:.2f})")
        else:
            log(f"  {name}: FAILED - {entry['reason']}")

    print()
    print_table(entries)
    summary = summarize(entries)
    print()
    print(f"passed: {summary['passed']}/{summary['programs']}")
    if summary["passed"]:
        print(f"geometric mean time ratio (tripwire/cpython):   {summary['geomean_time_ratio']:.3f}")
        print(f"geometric mean memory ratio (tripwire/cpython): {summary['geomean_memory_ratio']:.3f}")
        print(f"worst time ratio:   {summary['worst_time_ratio']:.3f} ({summary['worst_time_program']})")
        print(f"worst memory ratio: {summary['worst_memory_ratio']:.3f} ({summary['worst_memory_program']})")
    for e in entries:
        if e["status"] != "ok":
            print(f"FAILED {e['name']}: {e['reason']}")

    if args.json:
        doc = {
            "tripwire": tripwire,
            "python": python,
            "python_version": f"{version[0]}.{version[1]}",
            "runs": args.runs,
            "units": {"wall": "seconds", "cpu": "seconds (user+sys)", "maxrss": "bytes"},
            "programs": entries,
            "summary": summary,
        }
        with open(args.json, "w") as f:
            json.dump(doc, f, indent=2)
            f.write("\n")

    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
