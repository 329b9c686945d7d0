//! `tripwire bench --compat FOLDER...`: does tripwire print what CPython 3.13 prints
//! for each benchmark script of a folder (pyperformance's layout, `bm_NAME/` folders
//! with a `run_benchmark.py`, or plain `NAME.py` files)? Each script runs once under
//! CPython and once under `tripwire run`, with the stand-in `pyperf` of
//! `compat/pyperf.py` first on `PYTHONPATH` (every benchmark once, one loop, no
//! timing), and the two runs' stdout and exit status are compared. Depends on
//! `child` (a run) and `results` (the first differing line).

use super::child::{self, End, Measurement};
use super::results::first_difference;
use indicatif::{ProgressBar, ProgressStyle};
use std::ffi::{OsStr, OsString};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

pub const HELP: &str = "\
Usage: tripwire bench --compat [OPTIONS] FOLDERS or SCRIPTS...

For each benchmark script (a FOLDER's NAME.py files, and its bm_NAME/ folders that
hold a run_benchmark.py, as pyperformance lays them out), runs it once under CPython
3.13 and once under `tripwire run`, each in the script's folder with
PYTHONHASHSEED=0 and a stand-in `pyperf` module first on PYTHONPATH, which runs
every benchmark of the script once with one loop and prints its name. A bm_NAME/
folder's pyproject.toml `extra_opts` are passed as arguments; one with a
requirements.txt needs other packages and is skipped.

  --python PATH      the CPython to compare with (default: found as the tests find
                     it: TRIPWIRE_REFERENCE_PYTHON, python3.13 on PATH, pyenv)
  --timeout SECS     a run still going after SECS is killed (default 300)

Prints per script: `same` (same stdout and exit status), `differs` (with the first
differing line), `tripwire error` (with the last line of tripwire's stderr: the
exception), or `cpython error` (the script fails under CPython too; not counted);
then how many of the scripts print what CPython prints. Exit status: 0 when all
do, 1 if any does not, 2 for a usage error.
";

/// The stand-in for pyperf that every run imports.
const PYPERF_SHIM: &str = include_str!("compat/pyperf.py");

/// One benchmark script and how to start it.
struct Script {
    name: String,
    dir: PathBuf,
    file: OsString,
    args: Vec<String>,
    /// Why it is not run, if it is not.
    skipped: Option<&'static str>,
}

enum Verdict {
    Same,
    Differs(String),
    TripwireError(String),
    CpythonError(String),
    Skipped(&'static str),
}

pub fn main(args: &[OsString]) -> ExitCode {
    let mut python = None;
    let mut timeout = Duration::from_secs(300);
    let mut paths = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.to_str() {
            Some("--help") => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            Some("--python") => match rest.next() {
                Some(path) => python = Some(PathBuf::from(path)),
                None => return usage("--python needs a value"),
            },
            Some("--timeout") => {
                let secs = rest.next().and_then(|s| s.to_str()?.parse::<f64>().ok());
                match secs.and_then(|s| Duration::try_from_secs_f64(s).ok()) {
                    Some(t) if !t.is_zero() => timeout = t,
                    _ => return usage("--timeout needs a positive number of seconds"),
                }
            }
            Some(text) if text.starts_with("--") => {
                return usage(&format!("unknown option '{text}'"))
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        return usage("--compat needs a folder or script");
    }
    let mut scripts = Vec::new();
    for path in &paths {
        match find(path) {
            Ok(found) => scripts.extend(found),
            Err(e) => return usage(&e),
        }
    }
    let python = match python {
        Some(p) if tripwire::reference::is_cpython_313(&p.to_string_lossy()) => p,
        Some(p) => return usage(&format!("--python {}: not a CPython 3.13", p.display())),
        None => match tripwire::reference::cpython_313() {
            Some(p) => PathBuf::from(p),
            None => return usage("no CPython 3.13 found to compare with"),
        },
    };
    let python = if python.components().count() > 1 {
        std::path::absolute(&python).unwrap_or(python)
    } else {
        python
    };
    let tripwire = match std::env::current_exe() {
        Ok(t) => t,
        Err(e) => return usage(&format!("cannot find this program: {e}")),
    };
    let shim = match ShimDir::new() {
        Ok(s) => s,
        Err(e) => return usage(&format!("cannot write the pyperf stand-in: {e}")),
    };
    // tripwire runs on the library of the CPython it is compared with (a virtual
    // environment's packages included): it finds the `python3.13` first on PATH.
    let library_path = python
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .and_then(|dir| {
            let rest = std::env::var_os("PATH").unwrap_or_default();
            std::env::join_paths(
                std::iter::once(dir.to_path_buf()).chain(std::env::split_paths(&rest)),
            )
            .ok()
        });
    let runner = Runner {
        python,
        tripwire,
        pythonpath: shim.pythonpath(),
        library_path,
        timeout,
    };
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(scripts.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) =
        ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} {msg}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    let width = scripts.iter().map(|s| s.name.len()).max().unwrap_or(0);
    let (mut same, mut counted, mut skipped) = (0, 0, 0);
    for script in &scripts {
        bar.set_message(script.name.clone());
        let verdict = runner.compare(script);
        match verdict {
            Verdict::Same => {
                same += 1;
                counted += 1;
            }
            Verdict::Differs(_) | Verdict::TripwireError(_) => counted += 1,
            Verdict::CpythonError(_) | Verdict::Skipped(_) => skipped += 1,
        }
        bar.suspend(|| println!("{:width$}  {}", script.name, verdict.describe()));
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!("{same} of {counted} print what CPython 3.13 prints ({skipped} not compared)");
    if same == counted {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn usage(msg: &str) -> ExitCode {
    eprintln!("tripwire bench --compat: {msg}\n(tripwire bench --compat --help describes it)");
    ExitCode::from(2)
}

impl Verdict {
    fn describe(&self) -> String {
        match self {
            Verdict::Same => "same".to_string(),
            Verdict::Differs(d) => format!("differs: {d}"),
            Verdict::TripwireError(e) => format!("tripwire error: {e}"),
            Verdict::CpythonError(e) => format!("cpython error: {e}"),
            Verdict::Skipped(why) => format!("skipped: {why}"),
        }
    }
}

/// The scripts `path` names: itself, a pyperformance benchmark folder, or a folder
/// of either (sorted by name).
fn find(path: &Path) -> Result<Vec<Script>, String> {
    if path.is_file() {
        return script_file(path)
            .map(|s| vec![s])
            .ok_or_else(|| format!("{}: not a .py file", path.display()));
    }
    if !path.is_dir() {
        return Err(format!("no script or folder '{}'", path.display()));
    }
    if let Some(s) = benchmark_folder(path) {
        return Ok(vec![s]);
    }
    let entries =
        std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let scripts: Vec<Script> = paths
        .iter()
        .filter_map(|p| {
            if p.is_dir() {
                benchmark_folder(p)
            } else {
                script_file(p)
            }
        })
        .collect();
    if scripts.is_empty() {
        return Err(format!(
            "{} holds no NAME.py and no folder with a run_benchmark.py",
            path.display()
        ));
    }
    Ok(scripts)
}

fn script_file(path: &Path) -> Option<Script> {
    if path.extension() != Some(OsStr::new("py")) {
        return None;
    }
    Some(Script {
        name: path.file_stem()?.to_string_lossy().into_owned(),
        dir: parent(path),
        file: path.file_name()?.to_os_string(),
        args: Vec::new(),
        skipped: None,
    })
}

/// A pyperformance benchmark: `bm_NAME/run_benchmark.py`, started with the
/// `extra_opts` of its pyproject.toml.
fn benchmark_folder(dir: &Path) -> Option<Script> {
    const RUNSCRIPT: &str = "run_benchmark.py";
    if !dir.join(RUNSCRIPT).is_file() {
        return None;
    }
    let folder = dir.file_name()?.to_string_lossy();
    let project = std::fs::read_to_string(dir.join("pyproject.toml")).unwrap_or_default();
    Some(Script {
        name: folder.strip_prefix("bm_").unwrap_or(&folder).to_string(),
        dir: dir.to_path_buf(),
        file: OsString::from(RUNSCRIPT),
        args: extra_opts(&project),
        skipped: dir
            .join("requirements.txt")
            .is_file()
            .then_some("needs packages (requirements.txt)"),
    })
}

/// The strings of a `extra_opts = ["a", "b"]` line.
fn extra_opts(project: &str) -> Vec<String> {
    let Some(list) = project.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim() == "extra_opts").then(|| value.trim())
    }) else {
        return Vec::new();
    };
    list.trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(|item| item.trim().trim_matches('"').to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

struct Runner {
    python: PathBuf,
    tripwire: PathBuf,
    pythonpath: OsString,
    /// PATH for tripwire's runs: the folder of `python` first.
    library_path: Option<OsString>,
    timeout: Duration,
}

impl Runner {
    fn compare(&self, script: &Script) -> Verdict {
        if let Some(why) = script.skipped {
            return Verdict::Skipped(why);
        }
        let cpython = match self.run(&self.python, &[], script) {
            Ok(m) => m,
            Err(e) => return Verdict::CpythonError(e),
        };
        if cpython.end != End::Exited(0) {
            return Verdict::CpythonError(failure(&cpython));
        }
        let ours = match self.run(&self.tripwire, &["run"], script) {
            Ok(m) => m,
            Err(e) => return Verdict::TripwireError(e),
        };
        if ours.end != cpython.end {
            Verdict::TripwireError(failure(&ours))
        } else if ours.stdout != cpython.stdout {
            Verdict::Differs(first_difference(&cpython.stdout, &ours.stdout))
        } else {
            Verdict::Same
        }
    }

    fn run(
        &self,
        interpreter: &Path,
        lead: &[&str],
        script: &Script,
    ) -> Result<Measurement, String> {
        let mut args: Vec<&OsStr> = lead.iter().map(OsStr::new).collect();
        args.push(&script.file);
        args.extend(script.args.iter().map(OsStr::new));
        let mut env = vec![("PYTHONPATH", self.pythonpath.as_os_str())];
        if let Some(path) = self
            .library_path
            .as_ref()
            .filter(|_| interpreter == self.tripwire)
        {
            env.push(("PATH", path.as_os_str()));
        }
        child::run_with_env(
            interpreter.as_os_str(),
            &args,
            &script.dir,
            &env,
            self.timeout,
        )
        .map_err(|e| format!("cannot start {}: {e}", interpreter.display()))
    }
}

/// How a failed run ended, with the last line of its stderr (a traceback's
/// exception line).
fn failure(m: &Measurement) -> String {
    let how = match m.end {
        End::Exited(status) => format!("exit {status}"),
        End::Signalled(signal) => format!("signal {signal}"),
        End::TimedOut => "timed out".to_string(),
    };
    let stderr = String::from_utf8_lossy(&m.stderr);
    match stderr.lines().rev().find(|l| !l.trim().is_empty()) {
        Some(line) => format!("({how}) {}", line.trim()),
        None => format!("({how})"),
    }
}

/// A temporary folder holding `pyperf.py`, removed when dropped.
struct ShimDir(PathBuf);

impl ShimDir {
    fn new() -> std::io::Result<ShimDir> {
        let dir = std::env::temp_dir().join(format!("tripwire-compat-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("pyperf.py"), PYPERF_SHIM)?;
        Ok(ShimDir(dir))
    }

    /// The stand-in's folder, then the PYTHONPATH this command was given.
    fn pythonpath(&self) -> OsString {
        let mut paths = vec![self.0.clone()];
        if let Some(given) = std::env::var_os("PYTHONPATH") {
            paths.extend(std::env::split_paths(&given));
        }
        std::env::join_paths(paths).unwrap_or_else(|_| self.0.clone().into_os_string())
    }
}

impl Drop for ShimDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::extra_opts;

    #[test]
    fn extra_opts_are_read_from_pyproject() {
        let project = "[tool.pyperformance]\nname = \"x\"\nextra_opts = [\"a\", \"b_c\"]\n";
        assert_eq!(extra_opts(project), ["a", "b_c"]);
        assert!(extra_opts("[project]\nname = \"x\"\n").is_empty());
    }
}
