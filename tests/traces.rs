//! Snapshots (snapshots/ at the root) of the event trace that `tripwire run
//! --trace=events` prints for the programs in tests/traces/, in both formats; each
//! program is also run twice to prove the trace is the same from run to run.

mod common;

use common::normalize;
use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/traces")
}

fn trace(name: &str, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .args(["run", "--trace=events", &format!("--trace-format={format}")])
        .arg(format!("{name}.py"))
        .current_dir(dir())
        .output()
        .expect("tripwire starts");
    assert!(out.status.success(), "{name} failed: {out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = normalize(&String::from_utf8_lossy(&out.stderr));
    format!("--- stdout\n{stdout}--- stderr\n{stderr}")
}

fn check(name: &str) {
    let text = trace(name, "text");
    assert_eq!(
        text,
        trace(name, "text"),
        "{name}: the trace changed between runs"
    );
    let json = trace(name, "json");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        insta::assert_snapshot!(format!("{name}"), text);
        insta::assert_snapshot!(format!("{name}.json"), json);
    });
}

#[test]
fn globals_rebinding() {
    check("globals_rebinding");
}

#[test]
fn class_attr_subclasses() {
    check("class_attr_subclasses");
}

#[test]
fn code_defaults_reassign() {
    check("code_defaults_reassign");
}

#[test]
fn dict_update_clone_clear() {
    check("dict_update_clone_clear");
}

#[test]
fn code_function_lifetime() {
    check("code_function_lifetime");
}

#[test]
fn instance_and_module_attrs() {
    check("instance_and_module_attrs");
}

#[test]
fn resurrection() {
    check("resurrection");
}

#[test]
fn raising_watcher() {
    check("raising_watcher");
}

#[test]
fn odd_names() {
    check("odd_names");
}
