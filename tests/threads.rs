//! Threads as stackful coroutines: what CPython cannot show (it hangs on a deadlock,
//! and its interleavings vary run to run), checked on tripwire alone.

mod common;

fn run(src: &str) -> (String, String, i32) {
    common::run_program("threads", &format!("prog{}", src.len()), src)
}

#[test]
fn a_deadlock_is_an_error_in_the_thread_that_blocked_last() {
    let (out, err, status) = run(r#"
import threading
a, b = threading.Lock(), threading.Lock()
go = threading.Event()
def other():
    with a:
        go.wait()
        with b:
            pass
t = threading.Thread(target=other)
t.start()
with b:
    go.set()
    try:
        a.acquire()
    except RuntimeError as e:
        print("main", e)
t.join()
print("joined")
lone = threading.Lock()
lone.acquire()
lone.acquire()
"#);
    assert!(out.ends_with("joined\n"), "{out}");
    assert!(
        err.contains("Exception in thread Thread-1 (other):")
            && err.contains("RuntimeError: deadlock: every thread is blocked"),
        "{err}"
    );
    assert!(
        err.trim_end()
            .ends_with("RuntimeError: deadlock: every thread is blocked"),
        "{err}"
    );
    assert_eq!(status, 1);
}

const RACE: &str = r#"
import sys, threading
sys.setswitchinterval(float(sys.argv[1]) if len(sys.argv) > 1 else 1e-6)
log = []
def spin(tag):
    for i in range(3000):
        log.append(tag)
ts = [threading.Thread(target=spin, args=(t,)) for t in "abc"]
for t in ts: t.start()
for t in ts: t.join()
runs, prev = 0, None
for x in log:
    if x != prev:
        runs += 1
        prev = x
print(len(log), runs, "".join(log[:40]))
"#;

#[test]
fn unsynchronised_threads_interleave_the_same_way_on_every_run() {
    let first = run(RACE);
    assert_eq!(first.2, 0, "{}", first.1);
    let runs: usize = first
        .0
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    assert!(
        runs > 3,
        "a short switch interval must interleave: {}",
        first.0
    );
    for _ in 0..2 {
        assert_eq!(run(RACE).0, first.0);
    }
}

#[test]
fn the_switch_interval_sets_how_long_a_thread_runs() {
    let long = run(&RACE.replace("1e-6", "1.0"));
    let short = run(RACE);
    let runs = |s: &str| -> usize {
        s.split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    };
    assert_eq!(runs(&long.0), 3, "{}", long.0);
    assert!(runs(&short.0) > runs(&long.0), "{} vs {}", short.0, long.0);
}

#[test]
fn sleeping_threads_let_others_run_and_wake_in_deadline_order() {
    let (out, err, status) = run(r#"
import threading, time
order = []
def sleeper(tag, secs):
    time.sleep(secs)
    order.append(tag)
ts = [threading.Thread(target=sleeper, args=(t, s)) for t, s in (("slow", 0.06), ("fast", 0.02), ("mid", 0.04))]
for t in ts: t.start()
order.append("main")
for t in ts: t.join()
print(order)
"#);
    assert_eq!(status, 0, "{err}");
    assert_eq!(out, "['main', 'fast', 'mid', 'slow']\n");
}
