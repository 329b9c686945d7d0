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

#[test]
fn allocations_a_program_sizes_raise_memory_error() {
    let script = program("out_of_memory.py");
    let expected = std::fs::read_to_string(program("out_of_memory.out")).expect("expected output");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {LIMIT_KIB} && exec \"$0\" run \"$1\""))
        .arg(env!("CARGO_BIN_EXE_tripwire"))
        .arg(&script)
        .output()
        .expect("run tripwire under sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "ended by {:?}; stderr:\n{stderr}",
        out.status
    );
    assert_eq!(stdout, expected);
    assert_eq!(
        stderr.lines().last(),
        Some("MemoryError"),
        "stderr:\n{stderr}"
    );
}
