//! Snapshots (snapshots/ at the root) of the optimizer's invalidation trace that
//! `tripwire run --trace=invalidations` prints for the programs in
//! tests/invalidations/, in both formats. Every loop is compiled at its first look
//! (`--hot-loops=1`); each program's stdout must be CPython 3.13's (NAME.out beside
//! it), and its trace the same from run to run.

use std::path::{Path, PathBuf};
use std::process::Command;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalidations")
}

/// (stdout, stderr) of the program under the optimizer with `options`.
fn run(name: &str, options: &[&str], format: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .args(["run", "--hot-loops=1", "--trace=invalidations"])
        .arg(format!("--trace-format={format}"))
        .args(options)
        .arg(format!("{name}.py"))
        .current_dir(dir())
        .output()
        .expect("tripwire starts");
    assert!(out.status.success(), "{name} failed: {out:?}");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Check `name` under `options`; `label` names the snapshot.
fn check(name: &str, label: &str, options: &[&str]) {
    let expected = std::fs::read_to_string(dir().join(format!("{name}.out"))).expect("NAME.out");
    let (stdout, text) = run(name, options, "text");
    assert_eq!(
        stdout, expected,
        "{name}: stdout differs from CPython 3.13's"
    );
    assert_eq!(
        text,
        run(name, options, "text").1,
        "{name}: the trace changed between runs"
    );
    let (_, json) = run(name, options, "json");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_description(format!(
        "tripwire run --hot-loops=1 {} {name}.py",
        options.join(" ")
    ));
    settings.bind(|| {
        insta::assert_snapshot!(format!("invalidations_{label}"), text);
        insta::assert_snapshot!(format!("invalidations_{label}.json"), json);
    });
}

#[test]
fn global_rebound_outside_the_loop() {
    check("global_rebound_outside", "global_rebound_outside", &[]);
}

#[test]
fn global_rebound_by_the_loop_itself() {
    check("global_rebound_inside", "global_rebound_inside", &[]);
}

#[test]
fn builtin_shadowed_and_restored() {
    check("builtin_shadowed", "builtin_shadowed", &[]);
}

#[test]
fn whole_units_dropped_instead_of_patched() {
    check(
        "global_rebound_outside",
        "global_rebound_outside_unit",
        &["--invalidate=unit"],
    );
}

#[test]
fn bloom_index_finds_the_same_dependents() {
    check(
        "builtin_shadowed",
        "builtin_shadowed_bloom",
        &["--dep-index=bloom"],
    );
}

#[test]
fn mutation_storm_under_each_thrash_policy() {
    for (label, policy) in [
        ("cutoff", "--thrash=cutoff:3"),
        ("backoff", "--thrash=backoff"),
        ("lattice", "--thrash=lattice"),
        ("never", "--thrash=never:2"),
    ] {
        check(
            "mutation_storm",
            &format!("mutation_storm_{label}"),
            &[policy],
        );
    }
}

#[test]
fn adaptive_rearms_when_the_same_value_is_stored_again() {
    check(
        "same_value_stored",
        "same_value_stored_adaptive",
        &["--adaptive"],
    );
}

#[test]
fn global_rebound_by_python_code_a_builtin_calls() {
    check("rebound_during_a_call", "rebound_during_a_call", &[]);
    check(
        "rebound_during_a_call",
        "rebound_during_a_call_unit",
        &["--invalidate=unit"],
    );
}

#[test]
fn class_attribute_changed_and_seen_through_a_subclass() {
    check("class_attr_subclass", "class_attr_subclass", &[]);
}

#[test]
fn method_monkey_patched_then_shadowed() {
    check("method_monkeypatched", "method_monkeypatched", &[]);
}

#[test]
fn bases_assigned() {
    check("bases_assigned", "bases_assigned", &[]);
}

#[test]
fn trace_function_set_mid_run() {
    check("trace_set_mid_run", "trace_set_mid_run", &[]);
}

#[test]
fn write_through_f_locals_into_a_compiled_frame() {
    check("f_locals_write", "f_locals_write", &[]);
}

#[test]
fn thread_parked_across_an_invalidation() {
    check("thread_parked", "thread_parked", &[]);
}

#[test]
fn generator_suspended_across_an_invalidation() {
    check("generator_suspended", "generator_suspended", &[]);
}

#[test]
fn code_and_defaults_of_an_inlined_function_reassigned() {
    check("code_reassigned", "code_reassigned", &[]);
}

/// `--trace-format=chrome`: the timeline file holds the compile and the runs of the
/// unit as spans and the invalidation as an instant with its record, one event per
/// line, in the order they happened.
#[test]
fn chrome_trace_has_spans_and_instants() {
    let file = std::env::temp_dir().join(format!("tripwire-chrome-{}.json", std::process::id()));
    let out = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .args(["run", "--hot-loops=1", "--trace-format=chrome"])
        .arg(format!("--trace-file={}", file.display()))
        .arg("global_rebound_outside.py")
        .current_dir(dir())
        .output()
        .expect("tripwire starts");
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&file).expect("the trace file");
    let _ = std::fs::remove_file(&file);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.first(), Some(&"["));
    let events: Vec<&str> = lines[1..].iter().map(|l| l.trim_end_matches(',')).collect();
    assert!(events
        .iter()
        .all(|e| e.starts_with('{') && e.ends_with('}')));
    let position = |needle: &str| {
        events
            .iter()
            .position(|e| e.contains(needle))
            .unwrap_or_else(|| panic!("no event with {needle} in {text}"))
    };
    let compile = position("\"name\":\"compile run at ");
    let run = position("\"name\":\"unit#0 run\",\"cat\":\"run\",\"ph\":\"X\"");
    let patched = position("\"action\":\"patched\",\"unit\":\"unit#0 run\"");
    assert!(compile < run && run < patched, "{text}");
    assert!(events[patched].contains("\"ph\":\"i\""));
    assert!(events.iter().all(|e| e.contains("\"pid\":1,\"tid\":")));
}

#[test]
fn running_frames_eager_leave_when_the_call_returns() {
    check(
        "rebound_during_a_call",
        "rebound_during_a_call_eager",
        &["--running-frames=eager"],
    );
}

#[test]
fn globals_in_cells_are_rewritten_not_invalidated() {
    check(
        "global_rebound_inside",
        "global_rebound_inside_cell",
        &["--globals=cell"],
    );
}
