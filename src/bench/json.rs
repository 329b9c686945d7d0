//! `tripwire bench --json FILE`: the table's figures and every run's own, as one
//! JSON document (times in seconds, sizes in bytes). Depends on `results` and
//! `options` for what it writes.

use super::child::End;
use super::options::Runner;
use super::results::{Cell, Ratio, Report, Run, SHOWN_STATS};
use serde_json::{json, Map, Value};

/// How the comparison ran, besides what the report holds.
pub struct Setting<'a> {
    pub tripwire: &'a str,
    pub python: Option<&'a str>,
    pub timeout_s: f64,
    /// This runner's own peak RSS: the least any child's can show (`child`).
    pub runner_peak_rss: u64,
}

fn ratio_key(ratio: Ratio) -> &'static str {
    match ratio {
        Ratio::TimeToBaseline => "time_ratio_no_opt",
        Ratio::TimeToCpython => "time_ratio_cpython",
        Ratio::MemoryToBaseline => "memory_ratio_no_opt",
    }
}

pub fn document(report: &Report, setting: &Setting) -> Value {
    let configs: Vec<Value> = report
        .configs
        .iter()
        .map(|config| match &config.runner {
            Runner::Tripwire { args } => {
                let mut command = vec!["tripwire".to_string(), "run".to_string()];
                command.extend(args.iter().cloned());
                json!({"name": config.name, "command": command})
            }
            Runner::Cpython { python } => json!({
                "name": config.name,
                "command": [python.to_string_lossy()],
            }),
        })
        .collect();
    let programs: Vec<Value> = report
        .programs
        .iter()
        .map(|(program, cells)| {
            let cells: Vec<Value> = cells
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let mut value = cell_value(cell);
                    value["config"] = json!(report.configs[c].name);
                    for ratio in Ratio::ALL {
                        value[ratio_key(ratio)] = json!(report.ratio(cells, c, ratio));
                    }
                    value
                })
                .collect();
            json!({
                "name": program.name,
                "path": program.path.to_string_lossy(),
                "cells": cells,
            })
        })
        .collect();
    let means: Vec<Value> = report
        .configs
        .iter()
        .enumerate()
        .map(|(c, config)| {
            let mut value = json!({
                "config": config.name,
                "passed": report.passed(c),
            });
            for ratio in Ratio::ALL {
                let mean = report.geometric_mean(c, ratio);
                value[ratio_key(ratio)] = json!(mean.map(|(m, _)| m));
                value[format!("{}_programs", ratio_key(ratio))] = json!(mean.map_or(0, |(_, n)| n));
            }
            value
        })
        .collect();
    json!({
        "tripwire": setting.tripwire,
        "python": setting.python,
        "runs": report.runs,
        "timeout_s": setting.timeout_s,
        "runner_peak_rss_bytes": setting.runner_peak_rss,
        "units": {"time": "seconds", "memory": "bytes"},
        "configs": configs,
        "programs": programs,
        "geometric_means": means,
        "failed": report.any_failed(),
    })
}

fn cell_value(cell: &Cell) -> Value {
    let mut value = json!({
        "status": if cell.passed() { "ok" } else { "FAILED" },
        "reason": cell.failure,
        "median_wall_s": cell.median_wall(),
        "peak_rss_bytes": cell.peak_rss(),
        "runs": cell.runs.iter().map(run_value).collect::<Vec<_>>(),
    });
    for stat in SHOWN_STATS {
        value[stat] = json!(cell.median_stat(stat));
    }
    value
}

fn run_value(run: &Run) -> Value {
    let (exit_status, signal) = match run.end {
        End::Exited(status) => (Some(status), None),
        End::Signalled(signal) => (None, Some(signal)),
        End::TimedOut => (None, None),
    };
    json!({
        "wall_s": run.wall_s,
        "user_s": run.user_s,
        "system_s": run.system_s,
        "peak_rss_bytes": run.peak_rss,
        "exit_status": exit_status,
        "signal": signal,
        "timed_out": run.end == End::TimedOut,
        "output_matches": run.output_matches,
        "stats": run.stats.as_ref().map(|stats| {
            stats.iter().map(|(k, v)| (k.clone(), json!(v))).collect::<Map<String, Value>>()
        }),
    })
}
