//! Many greenlets and threads at once: each suspended one holds only the few
//! kilobytes of Rust stack it uses (`vm::stacks`), so 100,000 suspended greenlets
//! fit, and 10,000 greenlets or threads fit in 4 GB of address space.

use std::os::unix::process::CommandExt;
use std::process::Command;

/// Run `src` with its address space limited to `limit` bytes (if any):
/// (stdout, stderr, exit status).
fn run(name: &str, src: &str, limit: Option<u64>) -> (String, String, i32) {
    let dir = std::env::temp_dir().join(format!("tripwire-many-stacks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, src).expect("write program");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tripwire"));
    cmd.arg("run").arg(&path);
    if let Some(limit) = limit {
        // SAFETY: only an async-signal-safe call between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                let rl = libc::rlimit {
                    rlim_cur: limit,
                    rlim_max: limit,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &rl) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let out = cmd.output().expect("run tripwire");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// `ulimit -v 4000000`.
const FOUR_GB: u64 = 4_000_000 * 1024;

const GREENLETS: &str = r#"
from greenlet import greenlet, getcurrent
main = getcurrent()
def run(i):
    x = main.switch(i)
    return x * 2
gs = []
total = 0
for i in range(N):
    g = greenlet(run)
    total += g.switch(i)
    gs.append(g)
print("suspended", len(gs), total)
s = 0
for g in gs:
    s += g.switch(1)
print("finished", s, all(g.dead for g in gs))
"#;

#[test]
fn a_hundred_thousand_suspended_greenlets() {
    let src = format!("N = 100_000\n{GREENLETS}");
    let (out, err, status) = run("greenlets_100k", &src, None);
    assert_eq!(
        out, "suspended 100000 4999950000\nfinished 200000 True\n",
        "{err}"
    );
    assert_eq!(status, 0);
}

#[test]
fn ten_thousand_greenlets_in_four_gigabytes() {
    let src = format!("N = 10_000\n{GREENLETS}");
    let (out, err, status) = run("greenlets_10k", &src, Some(FOUR_GB));
    assert_eq!(
        out, "suspended 10000 49995000\nfinished 20000 True\n",
        "{err}"
    );
    assert_eq!(status, 0);
}

/// Past what 4 GB of address space holds, making one more greenlet raises
/// MemoryError (the memory reserve's, where the runtime's own allocation failed),
/// which the program catches; it goes on with the greenlets it has.
#[test]
fn a_hundred_thousand_greenlets_in_four_gigabytes_end_in_memory_error() {
    let src = r#"
from greenlet import greenlet, getcurrent
main = getcurrent()
def run(i):
    x = main.switch(i)
    return x * 2
gs = []
try:
    for i in range(100_000):
        g = greenlet(run)
        g.switch(i)
        gs.append(g)
    print("all suspended")
except MemoryError:
    print("MemoryError; suspended at least 10,000:", len(gs) >= 10_000)
print("finished", sum(g.switch(1) for g in gs[:1000]))
"#;
    let (out, err, status) = run("greenlets_past_4gb", src, Some(FOUR_GB));
    assert_eq!(
        out, "MemoryError; suspended at least 10,000: True\nfinished 2000\n",
        "{err}"
    );
    assert_eq!(status, 0);
}

#[test]
fn ten_thousand_threads_in_four_gigabytes() {
    let src = r#"
import threading
go = threading.Event()
done = []
def work(i):
    go.wait()
    done.append(i)
ts = [threading.Thread(target=work, args=(i,)) for i in range(10_000)]
for t in ts:
    t.start()
print("alive", threading.active_count())
go.set()
for t in ts:
    t.join()
print("done", len(done), sum(done))
"#;
    let (out, err, status) = run("threads_10k", src, Some(FOUR_GB));
    assert_eq!(out, "alive 10001\ndone 10000 49995000\n", "{err}");
    assert_eq!(status, 0);
}

#[test]
fn greenlets_sharing_a_region_keep_their_native_frames() {
    // More greenlets than stack regions, each suspended inside a native re-entry
    // (a key function of sorted, a __repr__) with locals on its Rust stack.
    let src = r#"
from greenlet import greenlet, getcurrent
main = getcurrent()
class R:
    def __init__(self, i): self.i = i
    def __repr__(self):
        main.switch(self.i)
        return f"R{self.i}"
def run(i):
    out = sorted(range(5), key=lambda k: (main.switch(k) or 0) - k)
    return repr([R(i)]) + str(out)
gs = [greenlet(run) for _ in range(40)]
for round in range(7):
    for i, g in enumerate(gs):
        r = g.switch(i) if round == 0 else g.switch()
        if round == 6:
            print(r)
"#;
    let (out, err, status) = run("greenlets_native", src, None);
    let expected: String = (0..40)
        .map(|i| format!("[R{i}][4, 3, 2, 1, 0]\n"))
        .collect();
    assert_eq!(out, expected, "{err}");
    assert_eq!(status, 0);
}
