"""Mutate the corpus programs and compare what `compile()` says about each mutant
under tripwire and under CPython 3.13: the exception type, message and line.

    TRIPWIRE=target/quick/tripwire REFERENCE_PYTHON=python3.13 \
        python3 scripts/syntax_mutants.py [COUNT] [SEED]

Prints the most frequent mismatches (CPython's verdict -> tripwire's), then the
totals. Deterministic for a given COUNT and SEED. Runs under any Python 3.
"""

import collections
import os
import pathlib
import random
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "programs"

# Run by both interpreters after the list of mutants: compile each and print one
# verdict line per mutant (tripwire has no `open`, so the mutants are in the source).
WORKER = r'''
for src in MUTANTS:
    try:
        compile(src, "m.py", "exec")
        print("ok")
    except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
        print(type(e).__name__ + ": " + str(getattr(e, "msg", e)) + " @" + str(getattr(e, "lineno", "")))
'''

INSERTS = ["(", ")", "[", "]", "{", "}", ":", ",", "=", "*", "**", ".", " ", "\t",
           "    ", "'", '"', "\\", "lambda", "await ", "yield ", "return ", "global x",
           "nonlocal x", "async ", "def ", "class ", "if ", "else", "for ", "in ",
           "import ", "from ", "as ", "not ", "1", "x", "@", ":=", "->", "#", "\n"]


def mutate(rng, src):
    lines = src.splitlines(keepends=True)
    if not lines:
        return src
    op = rng.randrange(6)
    i = rng.randrange(len(lines))
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif op == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 3:
        line = lines[i]
        at = rng.randrange(len(line) + 1)
        lines[i] = line[:at] + rng.choice(INSERTS) + line[at:]
    elif op == 4:
        line = lines[i]
        if len(line) > 1:
            at = rng.randrange(len(line) - 1)
            lines[i] = line[:at] + line[at + rng.randint(1, 3):]
    else:
        lines[i] = rng.choice(["    ", "\t", ""]) + lines[i].lstrip(" ")
    return "".join(lines)


def verdicts(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    return out.stdout.splitlines()


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    tripwire = os.environ["TRIPWIRE"]
    reference = os.environ["REFERENCE_PYTHON"]
    rng = random.Random(seed)
    sources = [p.read_text() for p in sorted(CORPUS.glob("*.py"))]
    mutants = [mutate(rng, rng.choice(sources)) for _ in range(count)]
    with tempfile.TemporaryDirectory() as tmp:
        worker = os.path.join(tmp, "worker.py")
        with open(worker, "w") as f:
            f.write("MUTANTS = [\n" + "".join(repr(m) + ",\n" for m in mutants) + "]\n")
            f.write(WORKER)
        want = verdicts([reference, worker])
        got = verdicts([tripwire, "run", worker])
    if len(got) != len(want):
        print(f"tripwire answered {len(got)} of {len(want)} mutants")
    kinds = collections.Counter()
    type_differs = 0
    examples = {}
    for m, w, g in zip(mutants, want, got):
        if w == g:
            continue
        if w.split(":")[0] != g.split(":")[0]:
            type_differs += 1
        key = (w.split(" @")[0], g.split(" @")[0])
        kinds[key] += 1
        examples.setdefault(key, (m, w, g))
    for (w, g), n in kinds.most_common(40):
        print(f"{n:5}  {w}\n       -> {g}")
    print(f"{count} mutants, {sum(kinds.values())} differ, {type_differs} in the exception type")
    if os.environ.get("SHOW"):
        for key, (m, w, g) in list(examples.items())[: int(os.environ["SHOW"])]:
            print("-----", w, "|", g)
            print(m)


if __name__ == "__main__":
    main()
