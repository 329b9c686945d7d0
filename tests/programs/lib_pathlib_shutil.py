# pathlib, glob, fnmatch and shutil of CPython's library over tripwire's posix and
# _io, in a directory made for the run.
import fnmatch
import glob
import os
import shutil
from pathlib import Path, PurePosixPath

base = Path(os.environ.get("TMPDIR") or "/tmp") / f"tw_lib_pathlib_shutil_{os.getpid()}"


def rel(paths):
    return sorted(str(Path(p).relative_to(base)) for p in paths)


base.mkdir()
try:
    p = PurePosixPath("/usr/lib/python3.13/os.py")
    print("pure:", p.name, p.suffix, p.stem, p.parent, p.parts[:3], p.with_suffix(".txt").name)
    print("join:", PurePosixPath("a") / "b" / "c.tar.gz", PurePosixPath("a/b").suffixes,
          PurePosixPath("a/b/c.tar.gz").suffixes, PurePosixPath("x/y").match("*/y"))

    notes = base / "notes.txt"
    print("write_text:", notes.write_text("first line\nsecond line\n"))
    print("read_text:", repr(notes.read_text()), notes.read_text().splitlines())
    print("write_bytes:", (base / "data.bin").write_bytes(b"\x00\x01\x02"),
          (base / "data.bin").read_bytes())
    with notes.open("a") as f:
        f.write("third line\n")
    with notes.open() as f:
        print("open:", [line.rstrip() for line in f])
    print("stat:", notes.stat().st_size, notes.exists(), notes.is_file(), notes.is_dir(),
          (base / "nothing").exists())

    (base / "src" / "pkg" / "sub").mkdir(parents=True)
    (base / "src" / "pkg").mkdir(exist_ok=True)
    for name in ("src/a.py", "src/b.txt", "src/pkg/__init__.py", "src/pkg/mod.py",
                 "src/pkg/sub/deep.py", "src/pkg/sub/data.json"):
        (base / name).write_text(f"# {name}\n")
    print("iterdir:", rel((base / "src").iterdir()))
    print("glob *.py:", rel((base / "src").glob("*.py")))
    print("rglob *.py:", rel((base / "src").rglob("*.py")))
    print("glob **/*.json:", rel((base / "src").glob("**/*.json")))
    print("glob.glob:", rel(glob.glob(str(base / "src" / "*" / "*.py"))))
    print("glob recursive:", rel(glob.glob(str(base / "src" / "**" / "*.py"), recursive=True)))
    print("fnmatch:", fnmatch.filter(["a.py", "b.txt", "c.py", "D.PY"], "*.py"),
          fnmatch.fnmatch("x.txt", "*.t?t"))
    walked = [(str(Path(top).relative_to(base)), sorted(dirs), sorted(files))
              for top, dirs, files in (base / "src").walk()]
    print("Path.walk:", sorted(walked))

    print("copy:", Path(shutil.copy(notes, base / "copy.txt")).name, (base / "copy.txt").read_text() == notes.read_text())
    shutil.copy2(notes, base / "copy2.txt")
    print("copy2 keeps mtime:", (base / "copy2.txt").stat().st_mtime == notes.stat().st_mtime)
    shutil.copyfile(base / "data.bin", base / "data2.bin")
    print("copyfile:", (base / "data2.bin").read_bytes())
    shutil.copytree(base / "src", base / "dst")
    print("copytree:", rel((base / "dst").rglob("*")))
    shutil.move(str(base / "dst" / "a.py"), str(base / "moved.py"))
    print("move:", (base / "moved.py").read_text().strip(), (base / "dst" / "a.py").exists())
    shutil.rmtree(base / "dst")
    print("rmtree:", (base / "dst").exists())
    print("which sh found:", shutil.which("sh") is not None)

    renamed = notes.rename(base / "renamed.txt")
    print("rename:", renamed.name, notes.exists(), renamed.exists())
    renamed.unlink()
    print("unlink:", renamed.exists())
    (base / "gone.txt").unlink(missing_ok=True)
    try:
        (base / "gone.txt").read_text()
    except FileNotFoundError as e:
        print("missing:", type(e).__name__, e.errno, e.strerror)
    try:
        (base / "src").mkdir()
    except FileExistsError as e:
        print("exists:", type(e).__name__, e.errno)
    print("resolve:", base.resolve() == Path(os.path.realpath(base)), Path(".").absolute() == Path.cwd())
finally:
    shutil.rmtree(base)
print("cleaned up:", not base.exists())
