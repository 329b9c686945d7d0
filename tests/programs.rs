//! The differential corpus: every program in tests/programs/ runs under tripwire and
//! must print exactly what CPython 3.13 printed (NAME.out), with the same exit status
//! and last stderr line where CPython failed (NAME.err).
//!
//! Programs listed in tests/programs/KNOWN_FAILING are the ones tripwire does not yet
//! run correctly; they must still fail (so the list only shrinks), every other one must
//! pass. A second test re-runs the corpus under CPython 3.13, when one is installed,
//! to prove the stored expectations are still CPython's.

use std::path::{Path, PathBuf};
use std::process::Command;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

/// The test programs (helper modules excluded), sorted.
fn programs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/programs exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py") && !n.starts_with("helper_"))
        .map(|n| n.trim_end_matches(".py").to_string())
        .collect();
    names.sort();
    names
}

struct Expected {
    stdout: String,
    status: i32,
    last_stderr: Option<String>,
}

fn expected(name: &str) -> Expected {
    let dir = corpus_dir();
    let stdout = std::fs::read_to_string(dir.join(format!("{name}.out")))
        .unwrap_or_else(|_| panic!("{name}.out is missing"));
    match std::fs::read_to_string(dir.join(format!("{name}.err"))) {
        Ok(err) => {
            let mut lines = err.lines();
            let status = lines
                .next()
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or_else(|| panic!("{name}.err: first line must be the exit status"));
            let last = lines.next().unwrap_or("").to_string();
            Expected {
                stdout,
                status,
                last_stderr: Some(last),
            }
        }
        Err(_) => Expected {
            stdout,
            status: 0,
            last_stderr: None,
        },
    }
}

/// Run `name` with `cmd` (tripwire or CPython); None if it matches, else a diagnosis.
fn check(cmd: &[&str], name: &str) -> Option<String> {
    let want = expected(name);
    let out = Command::new(cmd[0])
        .args(&cmd[1..])
        .arg(format!("{name}.py"))
        .current_dir(corpus_dir())
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .output()
        .expect("the interpreter starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let status = out.status.code().unwrap_or(-1);
    if stdout != want.stdout {
        let line = stdout
            .lines()
            .zip(want.stdout.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| stdout.lines().count().min(want.stdout.lines().count()));
        return Some(format!(
            "{name}: stdout differs at line {}: got {:?}, want {:?} (stderr: {})",
            line + 1,
            stdout.lines().nth(line).unwrap_or("<end>"),
            want.stdout.lines().nth(line).unwrap_or("<end>"),
            stderr.lines().last().unwrap_or("")
        ));
    }
    if status != want.status {
        return Some(format!(
            "{name}: exit status {status}, want {} (stderr: {})",
            want.status,
            stderr.lines().last().unwrap_or("")
        ));
    }
    if let Some(last) = want.last_stderr {
        let got = stderr.lines().last().unwrap_or("");
        if got != last {
            return Some(format!("{name}: last stderr line {got:?}, want {last:?}"));
        }
    }
    None
}

/// Programs named `lib_*` run on CPython's pure-Python library (see
/// tests/programs/README.md): where tripwire finds none, they are skipped.
fn runnable(names: Vec<String>) -> Vec<String> {
    if tripwire::stdlib::locate::find().is_some() {
        return names;
    }
    let (skipped, kept): (Vec<String>, Vec<String>) =
        names.into_iter().partition(|n| n.starts_with("lib_"));
    if !skipped.is_empty() {
        eprintln!(
            "corpus: skipping {} lib_ programs: no CPython 3.13 library found \
             (set TRIPWIRE_STDLIB, or put python3.13 on PATH)",
            skipped.len()
        );
    }
    kept
}

/// Run every program on two threads; (name, failure) pairs in corpus order.
fn run_all(cmd: &[&str]) -> Vec<(String, Option<String>)> {
    let names = runnable(programs());
    let chunks: Vec<Vec<String>> = names
        .chunks(names.len().div_ceil(2).max(1))
        .map(|c| c.to_vec())
        .collect();
    let cmd: Vec<String> = cmd.iter().map(|s| s.to_string()).collect();
    let handles: Vec<_> = chunks
        .into_iter()
        .map(|chunk| {
            let cmd = cmd.clone();
            std::thread::spawn(move || {
                let argv: Vec<&str> = cmd.iter().map(String::as_str).collect();
                chunk
                    .into_iter()
                    .map(|n| {
                        let r = check(&argv, &n);
                        (n, r)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    handles
        .into_iter()
        .flat_map(|h| h.join().expect("runner thread"))
        .collect()
}

fn known_failing() -> Vec<String> {
    std::fs::read_to_string(corpus_dir().join("KNOWN_FAILING"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// As a user runs it: the optimizer on, with its default thresholds.
#[test]
fn corpus_matches_cpython_output() {
    corpus_matches(&[env!("CARGO_BIN_EXE_tripwire"), "run"]);
}

/// The plain interpreter, which every figure of the optimizer is measured against.
#[test]
fn corpus_matches_cpython_output_without_the_optimizer() {
    corpus_matches(&[env!("CARGO_BIN_EXE_tripwire"), "run", "--no-opt"]);
}

/// The optimizer compiles every loop it can at its first look (`--hot-loops=1`),
/// then every function too (`--hot-calls=1`), then with the other strategies, so
/// the corpus runs through compiled units, their exits and invalidations.
#[test]
fn corpus_matches_cpython_output_with_the_optimizer() {
    let strategies: [&[&str]; 3] = [
        &["--hot-calls=0"],
        &["--hot-calls=1"],
        &[
            "--globals=cell",
            "--running-frames=eager",
            "--invalidate=unit",
            "--dep-index=bloom",
        ],
    ];
    for strategy in strategies {
        let mut cmd = vec![
            env!("CARGO_BIN_EXE_tripwire"),
            "run",
            "--opt",
            "--hot-loops=1",
        ];
        cmd.extend_from_slice(strategy);
        corpus_matches(&cmd);
    }
}

/// `--stress-deopt=N`: every Nth guard fails and every Nth watcher event drops every
/// unit; the output must not change.
#[test]
fn corpus_matches_cpython_output_under_stress_deopt() {
    for (n, calls) in [("1", "1"), ("7", "0"), ("101", "1")] {
        let stress = format!("--stress-deopt={n}");
        let calls = format!("--hot-calls={calls}");
        corpus_matches(&[
            env!("CARGO_BIN_EXE_tripwire"),
            "run",
            "--hot-loops=1",
            &calls,
            &stress,
        ]);
    }
}

fn corpus_matches(cmd: &[&str]) {
    let results = run_all(cmd);
    let known = known_failing();
    let mut problems = Vec::new();
    let mut passed = 0;
    for (name, failure) in &results {
        match (failure, known.contains(name)) {
            (None, false) => passed += 1,
            (None, true) => problems.push(format!(
                "{name}: passes now; remove it from tests/programs/KNOWN_FAILING"
            )),
            (Some(why), false) => problems.push(why.clone()),
            (Some(_), true) => {}
        }
    }
    for k in &known {
        if !programs().contains(k) {
            problems.push(format!(
                "KNOWN_FAILING names {k}, which is not in the corpus"
            ));
        }
    }
    eprintln!(
        "corpus: {passed} of {} programs match CPython 3.13; {} known failing",
        results.len(),
        known.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn stored_expectations_are_cpython_313() {
    let Some(python) = tripwire::reference::cpython_313() else {
        eprintln!("no CPython 3.13 found: expectations not re-checked");
        return;
    };
    let results = run_all(&[&python]);
    // greenlet is a third-party package for CPython: its programs are checked only
    // where the reference has it installed.
    let has_greenlet = Command::new(&python)
        .args(["-c", "import greenlet"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_greenlet {
        eprintln!("the reference CPython has no greenlet: greenlet_* expectations not re-checked");
    }
    let failures: Vec<String> = results
        .into_iter()
        .filter(|(name, _)| has_greenlet || !name.starts_with("greenlet_"))
        .filter_map(|(_, f)| f)
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
