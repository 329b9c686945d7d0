//! Watcher conformance and hostile-input programs (tests/watchers/).
//!
//! `dict_watchers`, `type_watchers` and `code_func_watchers` are CPython's
//! test_watchers cases, written against `wlib.py`, which runs them on `_testcapi`
//! under CPython 3.13 and on the `tripwire` module here; NAME.out is what CPython
//! printed. When `TRIPWIRE_REFERENCE_PYTHON` names a CPython 3.13, they are re-run
//! under it to prove the expectations are still CPython's. `tw_*` programs use
//! tripwire's own Python API (CPython has no Python-level watchers); their NAME.out
//! was reviewed by hand. NAME.stderr, where present, is the expected stderr with
//! addresses written 0xADDR and file paths reduced to their last component.

mod common;

use common::normalize;
use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/watchers")
}

fn programs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/watchers exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py") && n != "wlib.py")
        .map(|n| n.trim_end_matches(".py").to_string())
        .collect();
    names.sort();
    names
}

fn run(cmd: &str, options: &[&str], name: &str) -> (String, String) {
    let out = Command::new(cmd)
        .args(options)
        .arg(format!("{name}.py"))
        .current_dir(dir())
        .output()
        .expect("the interpreter starts");
    assert!(out.status.success(), "{name} exited with {:?}", out.status);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Each program runs without the optimizer and with it compiling every loop at
/// once: the optimizer's own watchers (in the tool slots) change nothing a
/// program's watchers see, and `tw_all_slots` says whether it ran.
#[test]
fn watcher_programs_match_expectations() {
    let mut failures = Vec::new();
    let modes: [&[&str]; 2] = [&["run", "--no-opt"], &["run", "--opt", "--hot-loops=1"]];
    for (name, mode) in programs()
        .into_iter()
        .flat_map(|name| modes.map(|mode| (name.clone(), mode)))
    {
        let (mut stdout, stderr) = run(env!("CARGO_BIN_EXE_tripwire"), mode, &name);
        if name == "tw_all_slots" && mode.contains(&"--opt") {
            stdout = stdout.replace(
                "optimizer on; units compiled: True invalidations: True\n",
                "optimizer off\n",
            );
        }
        let want = std::fs::read_to_string(dir().join(format!("{name}.out")))
            .unwrap_or_else(|_| panic!("{name}.out is missing"));
        if stdout != want {
            failures.push(format!(
                "{name} {mode:?}: stdout\n{stdout}\nexpected\n{want}"
            ));
        }
        if let Ok(want_err) = std::fs::read_to_string(dir().join(format!("{name}.stderr"))) {
            let got = normalize(&stderr);
            if got != want_err {
                failures.push(format!(
                    "{name} {mode:?}: stderr\n{got}\nexpected\n{want_err}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn expectations_are_cpythons() {
    let Ok(python) = std::env::var("TRIPWIRE_REFERENCE_PYTHON") else {
        return;
    };
    for name in programs().iter().filter(|n| !n.starts_with("tw_")) {
        let (stdout, _) = run(&python, &[], name);
        let want = std::fs::read_to_string(dir().join(format!("{name}.out")))
            .unwrap_or_else(|_| panic!("{name}.out is missing"));
        assert_eq!(
            stdout, want,
            "{name}: CPython no longer prints the recorded output"
        );
    }
}
