//! The table `tripwire bench` prints: a row per program and configuration, a
//! geometric-mean row per configuration, and a line per FAILED cell. Depends on
//! `results` for every figure it shows.

use super::results::{Ratio, Report, SHOWN_STATS};

const MIB: f64 = 1024.0 * 1024.0;

/// The table, as text ending in a newline.
pub fn render(report: &Report) -> String {
    let mut header = vec!["program", "config", "time s", "/no-opt"];
    if report.cpython.is_some() {
        header.push("/cpython");
    }
    header.extend(["MiB", "mem/no-opt"]);
    header.extend(SHOWN_STATS);
    header.push("status");

    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| h.to_string()).collect()];
    let figure = |value: Option<f64>, decimals: usize| {
        value.map_or("-".to_string(), |v| format!("{v:.decimals$}"))
    };
    for (program, cells) in &report.programs {
        for (c, config) in report.configs.iter().enumerate() {
            let cell = &cells[c];
            let ratio = |r| figure(report.ratio(cells, c, r), 2);
            let mut row = vec![
                program.name.clone(),
                config.name.clone(),
                figure(cell.median_wall(), 3),
            ];
            row.push(ratio(Ratio::TimeToBaseline));
            if report.cpython.is_some() {
                row.push(ratio(Ratio::TimeToCpython));
            }
            row.push(figure(cell.peak_rss().map(|b| b as f64 / MIB), 1));
            row.push(ratio(Ratio::MemoryToBaseline));
            for stat in SHOWN_STATS {
                row.push(
                    cell.median_stat(stat)
                        .map_or("-".to_string(), |v| v.to_string()),
                );
            }
            row.push(if cell.passed() { "ok" } else { "FAILED" }.to_string());
            rows.push(row);
        }
    }
    let programs = report.programs.len();
    let means_start = rows.len();
    for (c, config) in report.configs.iter().enumerate() {
        let mean = |r| figure(report.geometric_mean(c, r).map(|(m, _)| m), 2);
        let mut row = vec!["geomean".to_string(), config.name.clone(), String::new()];
        row.push(mean(Ratio::TimeToBaseline));
        if report.cpython.is_some() {
            row.push(mean(Ratio::TimeToCpython));
        }
        row.push(String::new());
        row.push(mean(Ratio::MemoryToBaseline));
        row.extend(SHOWN_STATS.map(|_| String::new()));
        row.push(format!("{}/{programs} ok", report.passed(c)));
        rows.push(row);
    }

    let mut text = layout(&rows, &[1, means_start]);
    for (program, cells) in &report.programs {
        for (config, cell) in report.configs.iter().zip(cells) {
            if let Some(why) = &cell.failure {
                text.push_str(&format!(
                    "FAILED {} [{}]: {why}\n",
                    program.name, config.name
                ));
            }
        }
    }
    text
}

/// Columns padded to their widest cell: names to the left, figures to the right,
/// the last column (the status) as it is; a rule above each row of `rules_before`.
fn layout(rows: &[Vec<String>], rules_before: &[usize]) -> String {
    let columns = rows.first().map_or(0, Vec::len);
    let widths: Vec<usize> = (0..columns)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let line = |row: &[String]| {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(i, cell)| match i {
                0 | 1 => format!("{cell:<w$}", w = widths[i]),
                i if i + 1 == columns => cell.clone(),
                _ => format!("{cell:>w$}", w = widths[i]),
            })
            .collect();
        format!("{}\n", cells.join("  ").trim_end())
    };
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    let mut text = String::new();
    for (i, row) in rows.iter().enumerate() {
        if rules_before.contains(&i) {
            text.push_str(&line(&rule));
        }
        text.push_str(&line(row));
    }
    text
}
