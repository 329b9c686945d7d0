# CPython's os over tripwire's posix: stat results, listings, scandir, directories,
# renames, links, the environment and the errors, in a directory made for the run.
import os
import stat

base = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"tw_lib_os_files_{os.getpid()}")


def error(label, thunk):
    try:
        thunk()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {str(e).replace(base, 'BASE')}")


os.mkdir(base)
try:
    print("os module is CPython's:", os.name, os.sep, os.linesep == "\n", os.path.__name__)
    path = os.path.join(base, "file.txt")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    print("write:", os.write(fd, b"hello, world\n"), os.lseek(fd, 0, os.SEEK_CUR))
    os.close(fd)
    fd = os.open(path, os.O_RDONLY)
    print("read:", os.read(fd, 5), os.read(fd, 100), os.read(fd, 10))
    print("fstat size:", os.fstat(fd).st_size)
    os.close(fd)

    st = os.stat(path)
    print("stat_result:", type(st).__name__, type(st).__module__, len(st), st.n_fields, st.n_sequence_fields)
    print("size:", st.st_size, st[stat.ST_SIZE], stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
    print("mode bits:", oct(stat.S_IMODE(st.st_mode) & 0o700), stat.filemode(st.st_mode)[:4])
    print("times:", isinstance(st.st_mtime, float), isinstance(st[stat.ST_MTIME], int),
          st.st_mtime_ns // 1_000_000_000 == st[stat.ST_MTIME])
    os.utime(path, (1_000_000_000, 1_500_000_000))
    st = os.stat(path)
    print("utime:", st.st_atime, st.st_mtime, st.st_mtime_ns)
    print("lstat same:", os.lstat(path).st_ino == st.st_ino, os.stat(path.encode()).st_size)
    print("exists / isfile / isdir / getsize:", os.path.exists(path), os.path.isfile(path),
          os.path.isdir(base), os.path.getsize(path))
    print("access:", os.access(path, os.R_OK), os.access(path, os.F_OK),
          os.access(os.path.join(base, "nope"), os.F_OK))

    os.makedirs(os.path.join(base, "a", "b", "c"))
    os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
    for name in ("a/one.py", "a/two.txt", "a/b/three.py"):
        with open(os.path.join(base, name), "w") as f:
            f.write(name)
    print("listdir:", sorted(os.listdir(base)), sorted(os.listdir(os.path.join(base, "a"))))
    print("listdir bytes:", sorted(os.listdir(os.fsencode(base))))
    with os.scandir(os.path.join(base, "a")) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        print("entry:", repr(e), e.name, e.is_dir(), e.is_file(), e.is_symlink(),
              e.path == os.path.join(base, "a", e.name), e.stat().st_size if e.is_file() else "-")
    walked = []
    for top, dirs, files in os.walk(base):
        dirs.sort()
        walked.append((os.path.relpath(top, base), dirs, sorted(files)))
    print("walk:", walked)
    print("walk bottom-up:", [os.path.relpath(t, base) for t, d, f in os.walk(base, topdown=False)
                              if not d])

    os.rename(path, os.path.join(base, "renamed.txt"))
    os.replace(os.path.join(base, "renamed.txt"), os.path.join(base, "a", "one.py"))
    print("after rename:", sorted(os.listdir(base)), open(os.path.join(base, "a", "one.py")).read())
    os.symlink(os.path.join(base, "a"), os.path.join(base, "link"))
    link = os.path.join(base, "link")
    print("symlink:", os.path.islink(link), os.readlink(link) == os.path.join(base, "a"),
          os.path.isdir(link), stat.S_ISLNK(os.lstat(link).st_mode))
    os.unlink(link)

    cwd = os.getcwd()
    os.chdir(base)
    print("chdir:", os.getcwd() == os.path.realpath(base), sorted(os.listdir()),
          os.path.abspath("a") == os.path.join(os.path.realpath(base), "a"))
    os.chdir(cwd)

    os.environ["TW_LIB_OS_FILES"] = "value"
    print("environ:", os.environ["TW_LIB_OS_FILES"], os.getenv("TW_LIB_OS_FILES"),
          os.environb[b"TW_LIB_OS_FILES"], "TW_LIB_OS_FILES" in os.environ)
    del os.environ["TW_LIB_OS_FILES"]
    print("unset:", os.getenv("TW_LIB_OS_FILES", "gone"))
    print("misc:", len(os.urandom(16)), os.getpid() > 0, os.fspath(os.path.join("x", "y")),
          os.strerror(2), os.cpu_count() >= 1, os.umask(0o22) >= 0)

    error("stat missing", lambda: os.stat(os.path.join(base, "missing")))
    error("mkdir exists", lambda: os.mkdir(os.path.join(base, "a")))
    error("rmdir not empty", lambda: os.rmdir(os.path.join(base, "a")))
    error("rename missing", lambda: os.rename(os.path.join(base, "x"), os.path.join(base, "y")))
    error("listdir file", lambda: os.listdir(os.path.join(base, "a", "one.py")))
    error("unlink dir", lambda: os.unlink(os.path.join(base, "a")))
    error("stat None", lambda: os.stat(None))
    error("embedded null", lambda: os.stat("a\0b"))
    error("bad fd", lambda: os.close(-1))
    error("read bad fd", lambda: os.read(-1, 1))
finally:
    for top, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.remove(os.path.join(top, name))
        for name in dirs:
            os.rmdir(os.path.join(top, name))
    os.rmdir(base)
print("cleaned up:", not os.path.exists(base))
