//! `tripwire bench`: a folder of programs with their expected outputs, run under the
//! option sets (one of them from `--compare-strategies`) without CPython; the exit
//! status, the table's FAILED cells, the JSON document's structure and values, and
//! usage errors. Nothing here depends on how long a run took.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A loop hot enough to be compiled, whose global then changes: the optimizer has
/// units, an invalidation, a deopt and a recompile to report.
const LOOP: &str = "\
def work(n):
    total = 0
    for i in range(n):
        total += STEP
    return total

STEP = 1
first = work(5000)
STEP = 2
print(first, work(5000))
";

/// A fresh folder of this test process holding `programs` (name, source, expected
/// stdout).
fn folder(tag: &str, programs: &[(&str, &str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "tripwire-bench-command-{}-{tag}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, source, expected) in programs {
        std::fs::write(dir.join(format!("{name}.py")), source).expect("write program");
        std::fs::write(dir.join(format!("{name}.out")), expected).expect("write .out");
    }
    dir
}

fn bench(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .arg("bench")
        .args(args)
        .arg(dir)
        .output()
        .expect("run tripwire bench")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The `--stats` counts of one direct `tripwire run` as `tripwire bench` runs it, but
/// for the compile time.
fn direct_stats(dir: &Path, file: &str, strategies: &[&str]) -> Vec<(String, Value)> {
    let out = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .arg("run")
        .args(strategies)
        .args(["--opt", "--stats", file])
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .output()
        .expect("run tripwire");
    let stderr = text(&out.stderr);
    let (_, report) = stderr
        .split_once("optimizer statistics\n")
        .expect("a statistics report");
    report
        .lines()
        .filter_map(|line| {
            let (name, value) = line.trim().rsplit_once(' ')?;
            let (name, value) = (name.trim_end(), value.parse::<u64>().ok()?);
            (name != "compile_time_us").then(|| (name.to_string(), Value::from(value)))
        })
        .collect()
}

#[test]
fn a_wrong_output_fails_its_cells_and_the_json_holds_every_run() {
    let dir = folder(
        "mixed",
        &[
            ("hot", LOOP, "5000 10000\n"),
            ("wrong", "print('hi')\n", "ho\n"),
            ("exits", "import sys\nprint('hi')\nsys.exit(3)\n", "hi\n"),
        ],
    );
    let json = dir.join("results.json");
    let out = bench(
        &[
            "--runs",
            "1",
            "--no-cpython",
            "--compare-strategies",
            "dep-index=bloom+invalidate=unit",
            "--json",
            json.to_str().expect("utf-8 temp path"),
        ],
        &dir,
    );
    let stdout = text(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{stdout}\n{}",
        text(&out.stderr)
    );

    // The table: a row per program and option set, FAILED where the output or the
    // exit status is wrong; the optimizer's counts in the --opt rows.
    let row = |program: &str, config: &str| -> Vec<String> {
        stdout
            .lines()
            .map(|l| l.split_whitespace().map(String::from).collect::<Vec<_>>())
            .find(|cells| cells.len() > 2 && cells[0] == program && cells[1] == config)
            .unwrap_or_else(|| panic!("no row {program} {config} in\n{stdout}"))
    };
    let configs = ["no-opt", "opt", "dep-index=bloom+invalidate=unit"];
    for config in configs {
        assert_eq!(
            row("wrong", config).last().map(String::as_str),
            Some("FAILED")
        );
        assert_eq!(
            row("exits", config).last().map(String::as_str),
            Some("FAILED")
        );
        assert_eq!(row("hot", config).last().map(String::as_str), Some("ok"));
    }
    assert!(!stdout.contains("/cpython"), "{stdout}");
    assert!(
        stdout.contains("FAILED wrong [opt]: wrong output, line 1: expected \"ho\", got \"hi\"")
    );
    assert!(stdout.contains("FAILED exits [no-opt]: exit status 3\n"));
    let hot_stats = direct_stats(&dir, "hot.py", &[]);
    let count = |name: &str| {
        hot_stats
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.to_string())
    };
    let hot_opt = row("hot", "opt");
    // program config time /no-opt MiB mem/no-opt invalidations deopts recompiles status
    assert_eq!(hot_opt.len(), 10, "{hot_opt:?}");
    assert_eq!(Some(&hot_opt[6]), count("invalidations").as_ref());
    assert_eq!(Some(&hot_opt[7]), count("deopts").as_ref());
    assert_eq!(Some(&hot_opt[8]), count("recompiles").as_ref());
    assert_eq!(&row("hot", "no-opt")[6..9], ["-", "-", "-"]);
    assert!(row("geomean", "opt").ends_with(&["1/3".to_string(), "ok".to_string()]));

    // The JSON document.
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&json).expect("JSON written"))
        .expect("valid JSON");
    assert_eq!(doc["runs"], 1);
    assert_eq!(doc["python"], Value::Null);
    assert_eq!(doc["failed"], true);
    let names: Vec<&str> = doc["configs"]
        .as_array()
        .expect("configs")
        .iter()
        .map(|c| c["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, configs);
    assert_eq!(
        doc["configs"][2]["command"],
        serde_json::json!([
            "tripwire",
            "run",
            "--opt",
            "--stats",
            "--dep-index=bloom",
            "--invalidate=unit"
        ])
    );
    let programs = doc["programs"].as_array().expect("programs");
    let program_names: Vec<&str> = programs.iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(program_names, ["exits", "hot", "wrong"]);
    for program in programs {
        let cells = program["cells"].as_array().expect("cells");
        assert_eq!(cells.len(), configs.len());
        for (cell, config) in cells.iter().zip(configs) {
            assert_eq!(cell["config"], config);
            let runs = cell["runs"].as_array().expect("runs");
            assert_eq!(runs.len(), 1, "{cell}");
            let run = &runs[0];
            assert!(run["wall_s"].as_f64().is_some_and(|t| t > 0.0), "{run}");
            assert!(
                run["peak_rss_bytes"].as_u64().is_some_and(|b| b > 0),
                "{run}"
            );
            assert_eq!(run["timed_out"], false);
            let with_stats = config != "no-opt";
            assert_eq!(run["stats"].is_object(), with_stats, "{run}");
            match program["name"].as_str() {
                Some("hot") => {
                    assert_eq!(cell["status"], "ok");
                    assert_eq!(cell["reason"], Value::Null);
                    assert_eq!(run["exit_status"], 0);
                    assert_eq!(run["output_matches"], true);
                    assert!(cell["median_wall_s"].is_f64());
                    assert!(cell["time_ratio_no_opt"].is_f64());
                    assert!(cell["memory_ratio_no_opt"].is_f64());
                    assert_eq!(cell["time_ratio_cpython"], Value::Null);
                }
                Some("wrong") => {
                    assert_eq!(cell["status"], "FAILED");
                    assert_eq!(run["exit_status"], 0);
                    assert_eq!(run["output_matches"], false);
                    assert_eq!(cell["median_wall_s"], Value::Null);
                    assert_eq!(cell["time_ratio_no_opt"], Value::Null);
                }
                _ => {
                    assert_eq!(cell["status"], "FAILED");
                    assert_eq!(cell["reason"], "exit status 3");
                    assert_eq!(run["exit_status"], 3);
                    assert_eq!(run["output_matches"], true);
                }
            }
        }
    }
    let hot = &programs[1]["cells"];
    for (c, strategies) in [
        (1, &[][..]),
        (2, &["--dep-index=bloom", "--invalidate=unit"][..]),
    ] {
        let stats = hot[c]["runs"][0]["stats"].as_object().expect("stats");
        let direct = direct_stats(&dir, "hot.py", strategies);
        for (name, value) in &direct {
            assert_eq!(stats.get(name), Some(value), "{name} of {}", configs[c]);
        }
        // Every count but the compile time, which differs from run to run.
        assert_eq!(stats.len(), direct.len() + 1, "{stats:?}");
        assert!(stats["units_compiled"].as_u64().is_some_and(|n| n > 0));
        assert_eq!(hot[c]["invalidations"], stats["invalidations"]);
        assert_eq!(hot[c]["deopts"], stats["deopts"]);
        assert_eq!(hot[c]["recompiles"], stats["recompiles"]);
    }
    assert_eq!(hot[0]["invalidations"], Value::Null);
    let means = doc["geometric_means"].as_array().expect("geometric means");
    assert_eq!(means.len(), configs.len());
    assert_eq!(means[0]["time_ratio_no_opt"], 1.0);
    assert_eq!(means[1]["passed"], 1);
    assert_eq!(means[1]["time_ratio_no_opt_programs"], 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_cell_passing_exits_0() {
    let dir = folder("passing", &[("hot", LOOP, "5000 10000\n")]);
    let out = bench(&["--runs=2", "--no-cpython"], &dir.join("hot.py"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("FAILED"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn usage_errors_exit_2_before_anything_runs() {
    let dir = folder("usage", &[("hot", LOOP, "5000 10000\n")]);
    for (args, message) in [
        (
            &["--compare-strategies", "dep-idx=bloom"][..],
            "'dep-idx=bloom' is not a strategy option",
        ),
        (
            &["--compare-strategies", "adaptive,globals=global"][..],
            "--globals does not take 'global'",
        ),
        (&["--runs", "0"][..], "--runs must be at least 1"),
        (&["--runs"][..], "--runs needs a number"),
        (&["--frobnicate"][..], "unknown option '--frobnicate'"),
    ] {
        let out = bench(args, &dir);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_eq!(text(&out.stdout), "", "{args:?}");
    }
    let out = bench(&["--no-cpython"], &dir.join("missing.py"));
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no program or folder"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_a_cpython_its_column_is_left_out_with_a_note() {
    let dir = folder("nopython", &[("hello", "print('hello')\n", "hello\n")]);
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).expect("empty dir");
    let out = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .args(["bench", "--runs", "1"])
        .arg(dir.join("hello.py"))
        .env_remove("TRIPWIRE_REFERENCE_PYTHON")
        .env_remove("PYENV_ROOT")
        .env("PATH", &empty)
        .env("HOME", &empty)
        .output()
        .expect("run tripwire bench");
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("no CPython 3.13 found"));
    assert!(!stdout.contains("cpython"), "{stdout}");
    assert!(stdout.contains("hello    opt"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--compat` on tests/programs/pyperf_shaped/, benchmark scripts in pyperformance's
/// shape: each verdict, the count, and the exit status.
#[test]
fn compat_compares_each_script_with_cpython() {
    if tripwire::reference::cpython_313().is_none() {
        eprintln!("no CPython 3.13 found: --compat not tested");
        return;
    }
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs/pyperf_shaped");
    let out = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .args(["bench", "--compat"])
        .arg(&folder)
        .output()
        .expect("run tripwire bench --compat");
    let stdout = text(&out.stdout);
    let verdicts: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        verdicts,
        [
            "async_words          same",
            "fails_everywhere     cpython error: (exit 1) KeyError: 'missing'",
            "needs_package        skipped: needs packages (requirements.txt)",
            "sums                 same",
            "implementation_name  differs: line 3: expected \"cpython\", got \"tripwire\"",
            "only_cpython_passes  tripwire error: (exit 1) NotImplementedError: not on tripwire",
            "2 of 4 print what CPython 3.13 prints (2 not compared)",
        ],
        "{stdout}{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
    // One benchmark folder alone, passing: exit 0. (Its script needs the argument
    // its pyproject.toml's extra_opts give.)
    let out = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .args(["bench", "--compat"])
        .arg(folder.join("bm_sums"))
        .output()
        .expect("run tripwire bench --compat");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let usage = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .args(["bench", "--compat", "--no-such-option"])
        .arg(&folder)
        .output()
        .expect("run tripwire bench --compat");
    assert_eq!(usage.status.code(), Some(2));
    let no_value = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .args(["bench", "--compat"])
        .arg(&folder)
        .arg("--python")
        .output()
        .expect("run tripwire bench --compat");
    assert_eq!(no_value.status.code(), Some(2));
    assert!(text(&no_value.stderr).contains("--python needs a value"));
}
