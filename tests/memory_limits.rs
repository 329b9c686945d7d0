//! Programs that ask for more memory than the process may have, run under an
//! address-space limit this test sets (`ulimit -v`): each allocation a program sizes
//! must end in CPython's MemoryError (or OverflowError), never a signal or an abort,
//! and the output printed before must not be lost.
//!
//! The expected output beside each program was recorded from CPython 3.13 under the
//! same limit.

use std::path::PathBuf;
use std::process::Command;

/// The address-space limit, in KiB: room for the interpreter, not for the requests.
const LIMIT_KIB: u32 = 4_000_000;

fn program(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/memory")
        .join(name)
}

/// Run `tests/memory/NAME.py` under the limit; its exit status (None for a
/// signal), stdout and stderr, after checking stdout against `NAME.out`.
fn run_limited(name: &str) -> (Option<i32>, String) {
    let script = program(&format!("{name}.py"));
    let expected =
        std::fs::read_to_string(program(&format!("{name}.out"))).expect("expected output");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {LIMIT_KIB} && exec \"$0\" run \"$1\""))
        .arg(env!("CARGO_BIN_EXE_tripwire"))
        .arg(&script)
        .output()
        .expect("run tripwire under sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(stdout, expected, "stderr:\n{stderr}");
    (out.status.code(), stderr)
}

#[test]
fn allocations_a_program_sizes_raise_memory_error() {
    let (status, stderr) = run_limited("out_of_memory");
    assert_eq!(status, Some(1), "stderr:\n{stderr}");
    assert_eq!(
        stderr.lines().last(),
        Some("MemoryError"),
        "stderr:\n{stderr}"
    );
}

/// Memory runs out in the interpreter's own small allocations (the reserve of
/// `memory_reserve` turns that into MemoryError), and again after the program let go.
#[test]
fn running_out_in_small_allocations_raises_memory_error_each_time() {
    let (status, stderr) = run_limited("small_objects");
    assert_eq!(status, Some(0), "stderr:\n{stderr}");
}

/// A sort's working memory is sized by the list: MemoryError, the list unchanged.
#[test]
fn a_sort_without_room_raises_memory_error() {
    let (status, stderr) = run_limited("sort_buffer");
    assert_eq!(status, Some(0), "stderr:\n{stderr}");
}

/// A deque grows fallibly: MemoryError, the items added before kept.
#[test]
fn a_deque_without_room_raises_memory_error() {
    let (status, stderr) = run_limited("deque_growth");
    assert_eq!(status, Some(0), "stderr:\n{stderr}");
}

/// Decompressed output grows fallibly: MemoryError, whichever way zlib is called.
#[test]
fn a_decompression_bomb_raises_memory_error() {
    let (status, stderr) = run_limited("decompression_bomb");
    assert_eq!(status, Some(0), "stderr:\n{stderr}");
}
