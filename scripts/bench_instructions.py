"""Instruction counts of the bench/ programs, shortened, under `--no-opt` and `--opt`.

Wall-clock times on a shared machine move by 10-20%; instruction counts do not.
Each program of bench/ is copied with its size constants cut (so one run takes
about 0.2 s) into a temporary folder and run under callgrind with each option
set; the table gives each count and its ratio to the first set, then the
geometric mean of each ratio.

Usage: python3 scripts/bench_instructions.py TRIPWIRE_BINARY [OPTIONS ...]
       (OPTIONS default to --no-opt --opt; each is one `tripwire run` option set,
       options joined by commas: --opt,--hot-calls=1000)
"""

import math
import pathlib
import re
import subprocess
import sys
import tempfile

BENCH = pathlib.Path(__file__).resolve().parent.parent / "bench"

SHORTER = {
    "chaos": {"ITERATIONS": 6000},
    "compress": {"ROUNDS": 1},
    "coroutines": {"ROUNDS": 3},
    "deltablue": {"ROUNDS": 25},
    "fannkuch": {"SIZE": 8, "REPEAT": 1},
    "float": {"POINTS": 10000, "ROUNDS": 2},
    "generators": {"ROUNDS": 1},
    "go": {"GAME_MOVES": 2, "PLAYOUTS_PER_MOVE": 4},
    "graphs": {"SIZE": 600, "SOURCES": 10, "PAGERANK_ITERATIONS": 10},
    "jsonish": {"ROUNDS": 4},
    "mandelbrot": {"WIDTH": 160, "HEIGHT": 100},
    "nbody": {"STEPS": 20000},
    "nqueens": {"SIZE": 8, "ROUNDS": 1},
    "pidigits": {"DIGITS": 1000, "MACHIN_ROUNDS": 5},
    "raytrace": {"WIDTH": 50, "HEIGHT": 40},
    "richards": {"ITERATIONS": 3},
    "spectral_norm": {"N": 120, "ITERATIONS": 3},
    "sudoku": {"PUZZLES": 40},
}


def shortened(name, folder):
    text = (BENCH / f"{name}.py").read_text()
    for constant, value in SHORTER[name].items():
        text, n = re.subn(rf"^{constant} = .*$", f"{constant} = {value}", text, flags=re.M)
        if n != 1:
            sys.exit(f"{name}.py: no line `{constant} = ...`")
    path = folder / f"{name}.py"
    path.write_text(text)
    return path


def instructions(binary, program, options):
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", binary, "run",
         *options, str(program)],
        cwd=program.parent, capture_output=True, text=True, check=False,
    )
    found = re.search(r"refs:\s+([\d,]+)", run.stderr)
    if run.returncode != 0 or not found:
        sys.exit(f"{program.name} {' '.join(options)}: failed\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = str(pathlib.Path(sys.argv[1]).resolve())
    sets = [s.split(",") for s in (sys.argv[2:] or ["--no-opt", "--opt"])]
    logs = [0.0] * len(sets)
    with tempfile.TemporaryDirectory() as tmp:
        for name in SHORTER:
            program = shortened(name, pathlib.Path(tmp))
            counts = [instructions(binary, program, s) for s in sets]
            cells = []
            for i, count in enumerate(counts):
                ratio = count / counts[0]
                logs[i] += math.log(ratio)
                cells.append(f"{count:>15,} {ratio:6.3f}")
            print(f"{name:14}", "  ".join(cells), flush=True)
    means = [f"{math.exp(total / len(SHORTER)):22.3f}" for total in logs]
    print(f"{'geomean':14}", "  ".join(means))


if __name__ == "__main__":
    main()
