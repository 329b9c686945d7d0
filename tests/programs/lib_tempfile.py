# tempfile over tripwire's posix and _io: a TemporaryDirectory with files listed,
# stat-ed, renamed and removed in it; temporary files and their cleanup.
import os
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    for name in ("b.txt", "a.txt", "c.log"):
        with open(os.path.join(tmp, name), "w") as f:
            f.write(name * 3)
    os.mkdir(os.path.join(tmp, "sub"))
    print("listdir:", sorted(os.listdir(tmp)))
    print("sizes:", sorted((e.name, e.stat().st_size) for e in os.scandir(tmp) if e.is_file()))
    os.rename(os.path.join(tmp, "c.log"), os.path.join(tmp, "sub", "c.log"))
    print("after rename:", sorted(os.listdir(tmp)), os.listdir(os.path.join(tmp, "sub")))
    with tempfile.NamedTemporaryFile("w+", dir=tmp, suffix=".tmp", delete=False) as f:
        f.write("temporary\n")
        f.seek(0)
        print("named:", f.read(), f.name.endswith(".tmp"), os.path.dirname(f.name) == tmp)
    print("kept:", os.path.exists(f.name))
    fd, path = tempfile.mkstemp(dir=tmp)
    os.write(fd, b"mkstemp")
    os.close(fd)
    print("mkstemp:", open(path, "rb").read())
    with tempfile.TemporaryFile() as t:
        t.write(b"anonymous")
        t.seek(0)
        print("TemporaryFile:", t.read())
    saved = tmp
print("removed:", not os.path.exists(saved))
