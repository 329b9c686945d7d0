//! What `tripwire bench` found: each run's figures and verdict, the cells (a program
//! under one configuration) they make up, and the figures the table and the JSON
//! both print (medians, ratios, geometric means). Also reading a run: comparing its
//! stdout with NAME.out, and the optimizer's `--stats` report from its stderr.
//! Depends on `child` (a run's measurement), `options` and `programs`.

use super::child::{End, Measurement};
use super::options::Config;
use super::programs::Program;

/// The optimizer's counts the table shows, by their names in `--stats`.
pub const SHOWN_STATS: [&str; 3] = ["invalidations", "deopts", "recompiles"];

/// The figures of one run.
#[derive(Clone, Debug)]
pub struct Run {
    pub wall_s: f64,
    pub user_s: f64,
    pub system_s: f64,
    pub peak_rss: u64,
    pub end: End,
    pub output_matches: bool,
    /// The optimizer's counts, in the order of its report (`None` where it printed
    /// none).
    pub stats: Option<Vec<(String, u64)>>,
}

impl Run {
    /// Read a run: `expected` is NAME.out, `with_stats` whether the run was asked
    /// for the optimizer's statistics. The problem, if any, comes with it.
    pub fn read(m: &Measurement, expected: &[u8], with_stats: bool) -> (Run, Option<String>) {
        let output_matches = m.stdout == expected;
        let mut problems = Vec::new();
        match m.end {
            End::Exited(0) => {}
            End::Exited(status) => problems.push(format!("exit status {status}")),
            End::Signalled(signal) => problems.push(format!("killed by signal {signal}")),
            End::TimedOut => problems.push("timed out".to_string()),
        }
        if !output_matches {
            problems.push(format!(
                "wrong output, {}",
                first_difference(expected, &m.stdout)
            ));
        }
        let run = Run {
            wall_s: m.wall.as_secs_f64(),
            user_s: m.user.as_secs_f64(),
            system_s: m.system.as_secs_f64(),
            peak_rss: m.peak_rss,
            end: m.end,
            output_matches,
            stats: if with_stats {
                parse_stats(&m.stderr)
            } else {
                None
            },
        };
        (run, (!problems.is_empty()).then(|| problems.join("; ")))
    }

    pub fn stat(&self, name: &str) -> Option<u64> {
        let stats = self.stats.as_ref()?;
        stats.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }
}

const STATS_HEADER: &str = "optimizer statistics\n";

/// The program's own part of a run's stderr: all before the optimizer's report.
pub fn program_stderr(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    match text.rfind(STATS_HEADER) {
        Some(header) => text[..header].to_string(),
        None => text.into_owned(),
    }
}

/// The optimizer's report (`optimizer/src/stats.rs`, `Stats::report`): after its
/// last `optimizer statistics` line, one `  name value` line per count (indented
/// further for the counts by reason).
pub fn parse_stats(stderr: &[u8]) -> Option<Vec<(String, u64)>> {
    let text = String::from_utf8_lossy(stderr);
    let header = text.rfind(STATS_HEADER)?;
    let report = &text[header + STATS_HEADER.len()..];
    let counts = report
        .lines()
        .map_while(|line| {
            // A reason may hold spaces (`deopts.type guard`): the count is the last
            // word.
            let line = line.strip_prefix("  ")?.trim();
            let (name, value) = line.rsplit_once(char::is_whitespace)?;
            Some((name.trim_end().to_string(), value.parse().ok()?))
        })
        .collect();
    Some(counts)
}

/// Where `actual` first departs from `expected`, as one line.
pub fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let (mut e, mut a) = (expected.lines(), actual.lines());
    for line in 1.. {
        match (e.next(), a.next()) {
            (None, None) => break,
            (x, y) if x == y => {}
            (x, y) => {
                let show =
                    |l: Option<&str>| l.map_or("<end of output>".to_string(), |l| format!("{l:?}"));
                return format!("line {line}: expected {}, got {}", show(x), show(y));
            }
        }
    }
    "the outputs differ only in line endings".to_string()
}

/// A program under one configuration: its runs, and why it FAILED if it did.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    pub runs: Vec<Run>,
    pub failure: Option<String>,
}

impl Cell {
    pub fn passed(&self) -> bool {
        self.failure.is_none() && !self.runs.is_empty()
    }

    /// The median wall time in seconds, of a cell that passed.
    pub fn median_wall(&self) -> Option<f64> {
        self.passed()
            .then(|| median(self.runs.iter().map(|r| r.wall_s).collect()))
    }

    /// The median of its runs' peak RSS, in bytes, of a cell that passed (a median
    /// because a run now and then shows a peak far above the others').
    pub fn peak_rss(&self) -> Option<u64> {
        self.passed()
            .then(|| median(self.runs.iter().map(|r| r.peak_rss as f64).collect()) as u64)
    }

    /// The median of an optimizer count over the runs, where every run reported it.
    pub fn median_stat(&self, name: &str) -> Option<u64> {
        let values: Option<Vec<u64>> = self.runs.iter().map(|r| r.stat(name)).collect();
        let mut values = values.filter(|v| !v.is_empty() && self.passed())?;
        values.sort_unstable();
        Some(values[(values.len() - 1) / 2])
    }
}

/// The whole comparison.
pub struct Report {
    /// The configurations, in their column order; CPython's, if it ran, is last.
    pub configs: Vec<Config>,
    pub cpython: Option<usize>,
    pub runs: usize,
    pub programs: Vec<(Program, Vec<Cell>)>,
}

/// A ratio of one cell's figure to another's (of the same program).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ratio {
    TimeToBaseline,
    TimeToCpython,
    MemoryToBaseline,
}

impl Ratio {
    pub const ALL: [Ratio; 3] = [
        Ratio::TimeToBaseline,
        Ratio::TimeToCpython,
        Ratio::MemoryToBaseline,
    ];
}

impl Report {
    pub fn any_failed(&self) -> bool {
        self.programs
            .iter()
            .any(|(_, cells)| cells.iter().any(|c| !c.passed()))
    }

    fn baseline(&self) -> usize {
        self.configs
            .iter()
            .position(|c| c.name == Config::BASELINE)
            .unwrap_or(0)
    }

    /// Cell `config` of `cells` against the cell the ratio is taken against.
    pub fn ratio(&self, cells: &[Cell], config: usize, ratio: Ratio) -> Option<f64> {
        let (cell, against) = match ratio {
            Ratio::TimeToCpython => (&cells[config], &cells[self.cpython?]),
            _ => (&cells[config], &cells[self.baseline()]),
        };
        let (x, y) = match ratio {
            Ratio::MemoryToBaseline => (cell.peak_rss()? as f64, against.peak_rss()? as f64),
            _ => (cell.median_wall()?, against.median_wall()?),
        };
        (y > 0.0).then_some(x / y)
    }

    /// The geometric mean of a ratio of `config` over the programs that have it,
    /// with how many those are.
    pub fn geometric_mean(&self, config: usize, ratio: Ratio) -> Option<(f64, usize)> {
        let logs: Vec<f64> = self
            .programs
            .iter()
            .filter_map(|(_, cells)| self.ratio(cells, config, ratio))
            .filter(|r| *r > 0.0)
            .map(f64::ln)
            .collect();
        let n = logs.len();
        (n > 0).then(|| ((logs.iter().sum::<f64>() / n as f64).exp(), n))
    }

    /// How many programs passed under `config`.
    pub fn passed(&self, config: usize) -> usize {
        self.programs
            .iter()
            .filter(|(_, cells)| cells[config].passed())
            .count()
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn measurement(stdout: &[u8], stderr: &[u8], end: End) -> Measurement {
        Measurement {
            wall: Duration::from_millis(1500),
            user: Duration::ZERO,
            system: Duration::ZERO,
            peak_rss: 1 << 20,
            end,
            stdout: stdout.to_vec(),
            stderr: stderr.to_vec(),
        }
    }

    #[test]
    fn the_optimizer_report_is_read_from_the_end_of_stderr() {
        let stderr = b"program noise\noptimizer statistics\n  units_compiled     2\n  \
                       deopts     5\n    deopts.type guard    4\n    deopts.other   1\n  \
                       invalidations 1\n";
        let (run, problem) =
            Run::read(&measurement(b"ok\n", stderr, End::Exited(0)), b"ok\n", true);
        assert_eq!(problem, None);
        assert_eq!(run.stat("deopts"), Some(5));
        assert_eq!(run.stat("deopts.type guard"), Some(4));
        assert_eq!(run.stat("deopts.other"), Some(1));
        assert_eq!(run.stat("invalidations"), Some(1));
        assert_eq!(run.stat("recompiles"), None);
        assert_eq!(parse_stats(b"no report\n"), None);
    }

    #[test]
    fn wrong_output_and_bad_exits_are_problems() {
        let (run, problem) = Run::read(
            &measurement(b"a\nc\n", b"", End::Exited(1)),
            b"a\nb\n",
            false,
        );
        assert!(!run.output_matches);
        assert_eq!(
            problem.as_deref(),
            Some("exit status 1; wrong output, line 2: expected \"b\", got \"c\"")
        );
        let (_, problem) = Run::read(&measurement(b"a\n", b"", End::TimedOut), b"a\nb\n", false);
        assert_eq!(
            problem.as_deref(),
            Some("timed out; wrong output, line 2: expected \"b\", got <end of output>")
        );
    }

    #[test]
    fn medians_are_of_passed_cells_only() {
        let run = |wall_s| Run {
            wall_s,
            user_s: 0.0,
            system_s: 0.0,
            peak_rss: 10,
            end: End::Exited(0),
            output_matches: true,
            stats: Some(vec![("deopts".to_string(), wall_s as u64)]),
        };
        let mut cell = Cell {
            runs: vec![run(3.0), run(1.0), run(2.0), run(10.0)],
            failure: None,
        };
        assert_eq!(cell.median_wall(), Some(2.5));
        assert_eq!(cell.median_stat("deopts"), Some(2));
        cell.failure = Some("wrong output".to_string());
        assert_eq!(cell.median_wall(), None);
        assert_eq!(cell.peak_rss(), None);
    }
}
