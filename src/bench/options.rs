//! `tripwire bench`'s command line: the options, and the configurations they ask
//! for (the `tripwire run` option sets and CPython). Strategy names are checked with
//! the optimizer's own parser (`tripwire_optimizer::options::Options::apply`), so a
//! typo is a usage error before anything runs. Depends on `programs` for the
//! programs named on the command line.

use super::programs::{self, Program};
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;
use tripwire::optimizer::options::Options as Strategies;

pub const HELP: &str = "\
Usage: tripwire bench [OPTIONS] [PROGRAMS or FOLDERS...]
       tripwire bench --compat [OPTIONS] FOLDERS or SCRIPTS...
                           (does tripwire print what CPython prints for each
                           benchmark script? tripwire bench --compat --help)

Runs each program (default: every bench/NAME.py that has a NAME.out beside it; a
folder stands for its NAME.py files with a NAME.out; a bare NAME for bench/NAME.py)
under `tripwire run --no-opt`, `tripwire run --opt` and each strategy set, and under
CPython 3.13, one run of each in turn, and compares every run's stdout with NAME.out.
Each child runs in its program's folder with PYTHONHASHSEED=0.

  --runs N                 runs of each configuration (default 3)
  --compare-strategies A,B,...
                           also run these strategy sets, each a +-joined list of
                           `tripwire run` strategy options without the dashes,
                           e.g. dep-index=bloom,invalidate=unit+running-frames=eager
  --python PATH            the CPython to compare with (default: found as the tests
                           find it: TRIPWIRE_REFERENCE_PYTHON, python3.13 on PATH,
                           pyenv's newest 3.13)
  --no-cpython             leave CPython out
  --json FILE              also write every figure, each run's too, to FILE as JSON
  --timeout SECS           a run still going after SECS is killed and FAILED
                           (default 300)

Prints a table per program and configuration: median wall time, its ratio to
--no-opt and to CPython, peak RSS (median of the runs) and its ratio to --no-opt,
and the optimizer's invalidations, deopts and recompiles (medians); then
the geometric mean of each ratio per configuration. A run that exits non-zero,
is killed or prints other than NAME.out marks its cell FAILED (and the cell is not
run again). Exit status: 0 when every cell passed, 1 if any FAILED, 2 for a usage
error.
";

/// One way of running the programs: a column of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `no-opt`, `opt`, a strategy set as given (`dep-index=bloom+adaptive`), or
    /// `cpython`.
    pub name: String,
    pub runner: Runner,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Runner {
    /// `tripwire run ARGS... FILE`.
    Tripwire { args: Vec<String> },
    /// `PYTHON FILE`.
    Cpython { python: PathBuf },
}

impl Config {
    /// The name of the baseline every ratio but the CPython one is taken against.
    pub const BASELINE: &'static str = "no-opt";

    fn tripwire(name: &str, args: &[&str]) -> Config {
        Config {
            name: name.to_string(),
            runner: Runner::Tripwire {
                args: args.iter().map(|a| a.to_string()).collect(),
            },
        }
    }

    /// Whether its runs print the optimizer's statistics (`--stats`).
    pub fn reports_stats(&self) -> bool {
        matches!(&self.runner, Runner::Tripwire { args } if args.iter().any(|a| a == "--opt"))
    }
}

/// Which CPython to compare with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PythonChoice {
    Find,
    Given(PathBuf),
    Skip,
}

#[derive(Debug)]
pub struct BenchOptions {
    pub runs: usize,
    /// The tripwire configurations: `no-opt`, `opt`, then the strategy sets.
    pub configs: Vec<Config>,
    pub python: PythonChoice,
    pub json: Option<PathBuf>,
    pub timeout: Duration,
    pub programs: Vec<Program>,
}

pub enum Parsed {
    Help,
    Bench(BenchOptions),
}

/// Parse the arguments after `bench`.
pub fn parse(args: &[OsString]) -> Result<Parsed, String> {
    let mut runs = 3;
    let mut configs = vec![
        Config::tripwire(Config::BASELINE, &["--no-opt"]),
        Config::tripwire("opt", &["--opt", "--stats"]),
    ];
    let mut python = PythonChoice::Find;
    let mut json = None;
    let mut timeout = Duration::from_secs(300);
    let mut paths = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let Some(text) = arg.to_str().filter(|t| t.starts_with("--")) else {
            paths.push(arg.clone());
            continue;
        };
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (text, None),
        };
        let mut value = || -> Result<OsString, String> {
            match &inline {
                Some(v) => Ok(OsString::from(v)),
                None => rest
                    .next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value")),
            }
        };
        match name {
            "--help" => return Ok(Parsed::Help),
            "--runs" => {
                runs = number(name, &value()?)?;
                if runs == 0 {
                    return Err("--runs must be at least 1".to_string());
                }
            }
            "--timeout" => {
                let secs: f64 = number(name, &value()?)?;
                timeout = Duration::try_from_secs_f64(secs)
                    .ok()
                    .filter(|t| !t.is_zero())
                    .ok_or_else(|| format!("--timeout needs a positive number, not '{secs}'"))?;
            }
            "--compare-strategies" => {
                let list = value()?;
                let list = list
                    .to_str()
                    .ok_or("--compare-strategies takes option names")?;
                for set in list.split(',') {
                    let config = strategy_set(set)?;
                    if configs.iter().any(|c| c.name == config.name) {
                        return Err(format!("strategy set '{set}' is given twice"));
                    }
                    configs.push(config);
                }
            }
            "--python" => python = PythonChoice::Given(PathBuf::from(value()?)),
            "--no-cpython" if inline.is_none() => python = PythonChoice::Skip,
            "--json" => json = Some(PathBuf::from(value()?)),
            _ => return Err(format!("unknown option '{text}'")),
        }
    }
    let programs = programs::find(&paths)?;
    Ok(Parsed::Bench(BenchOptions {
        runs,
        configs,
        python,
        json,
        timeout,
        programs,
    }))
}

fn number<T: std::str::FromStr>(option: &str, value: &OsString) -> Result<T, String> {
    let text = value.to_string_lossy();
    text.parse()
        .map_err(|_| format!("{option} needs a number, not '{text}'"))
}

/// `invalidate=unit+running-frames=eager` -> `run --opt --stats --invalidate=unit
/// --running-frames=eager`, each option checked by the optimizer's parser.
fn strategy_set(set: &str) -> Result<Config, String> {
    if set.is_empty() {
        return Err("--compare-strategies: an empty strategy set".to_string());
    }
    let mut args = vec!["--opt".to_string(), "--stats".to_string()];
    let mut strategies = Strategies::default();
    for part in set.split('+') {
        let option = format!("--{}", part.trim_start_matches("--"));
        match strategies.apply(&option) {
            Ok(true) => args.push(option),
            Ok(false) => {
                return Err(format!(
                    "--compare-strategies: '{part}' is not a strategy option of \
                     `tripwire run` (tripwire --help lists them)"
                ))
            }
            Err(e) => return Err(format!("--compare-strategies: {e}")),
        }
    }
    Ok(Config {
        name: set.to_string(),
        runner: Runner::Tripwire { args },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategy_sets_become_run_options() {
        let config = strategy_set("dep-index=bloom+adaptive").expect("valid set");
        assert_eq!(config.name, "dep-index=bloom+adaptive");
        assert_eq!(
            config.runner,
            Runner::Tripwire {
                args: ["--opt", "--stats", "--dep-index=bloom", "--adaptive"]
                    .map(String::from)
                    .to_vec()
            }
        );
        assert!(config.reports_stats());
        assert!(!Config::tripwire("no-opt", &["--no-opt"]).reports_stats());
    }

    #[test]
    fn unknown_names_and_values_are_errors() {
        let unknown = strategy_set("dep-idx=bloom").expect_err("unknown name");
        assert!(unknown.contains("'dep-idx=bloom' is not a strategy option"));
        let value = strategy_set("globals=global").expect_err("bad value");
        assert!(value.contains("--globals does not take 'global'"));
        assert!(strategy_set("").is_err());
        assert!(strategy_set("adaptive+").is_err());
    }
}
