//! Traceback and SyntaxError rendering: each `tests/tracebacks/NAME.py` ends in an uncaught
//! exception, and tripwire's stderr must equal `NAME.stderr`, recorded from
//! CPython 3.13 with the directory prefix taken out of the `File "..."` lines. Each
//! runs three times: plainly, with every loop and function compiled at its first
//! look, and with every guard failing (tracebacks must be as if nothing had been
//! compiled).

use std::path::{Path, PathBuf};
use std::process::Command;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tracebacks")
}

#[test]
fn tracebacks_match_cpython() {
    let dir = cases_dir();
    let prefix = format!("{}/", dir.display());
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/tracebacks exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 10,
        "expected the traceback cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    let modes: [&[&str]; 3] = [
        &[],
        &["--opt", "--hot-loops=1", "--hot-calls=1"],
        &["--hot-loops=1", "--hot-calls=1", "--stress-deopt=1"],
    ];
    for case in &cases {
        let want = std::fs::read_to_string(case.with_extension("stderr"))
            .unwrap_or_else(|e| panic!("{}: no .stderr file: {e}", case.display()));
        for options in modes {
            let out = Command::new(env!("CARGO_BIN_EXE_tripwire"))
                .arg("run")
                .args(options)
                .arg(case)
                .output()
                .expect("tripwire runs");
            let got = String::from_utf8_lossy(&out.stderr).replace(&prefix, "");
            if out.status.code() != Some(1) || got != want {
                failures.push(format!(
                    "{} {options:?} (exit {:?}):\n--- got\n{got}--- want\n{want}",
                    case.display(),
                    out.status.code()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
