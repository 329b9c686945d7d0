//! `tripwire bench`: runs benchmark programs as children of this very binary
//! (`tripwire run` under each option set) and of CPython 3.13, one run of each
//! configuration in turn, checks every run's output, and prints a table (and, with
//! `--json`, a document) of times, peak memory, ratios and the optimizer's counts.
//!
//! `--compat` is another mode: `compat` compares a folder of benchmark scripts'
//! output under tripwire and CPython.
//!
//! The command line is `options`, the programs `programs`, one measured run
//! `child`, the figures `results`, their printing `table` and `json`; this module
//! runs the loop and shows its progress.

mod child;
mod compat;
mod json;
mod options;
mod programs;
mod results;
mod table;

use indicatif::{ProgressBar, ProgressStyle};
use options::{BenchOptions, Config, Parsed, PythonChoice, Runner};
use results::{Cell, Report, Run};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn main(args: &[OsString]) -> ExitCode {
    if args.first().is_some_and(|a| a == "--compat") {
        return compat::main(&args[1..]);
    }
    match setup(args) {
        Ok(Some(bench)) => bench.run(),
        Ok(None) => {
            print!("{}", options::HELP);
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("tripwire bench: {msg}\n(tripwire bench --help describes the options)");
            ExitCode::from(2)
        }
    }
}

/// A comparison ready to run.
struct Bench {
    options: BenchOptions,
    tripwire: PathBuf,
    python: Option<PathBuf>,
    /// `--json`'s file, opened before anything runs.
    json: Option<File>,
}

fn setup(args: &[OsString]) -> Result<Option<Bench>, String> {
    let mut options = match options::parse(args)? {
        Parsed::Help => return Ok(None),
        Parsed::Bench(options) => options,
    };
    let tripwire = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let python = match &options.python {
        PythonChoice::Skip => None,
        PythonChoice::Given(path) => {
            if !tripwire::reference::is_cpython_313(&path.to_string_lossy()) {
                return Err(format!(
                    "--python {}: not a CPython 3.13 that runs",
                    path.display()
                ));
            }
            Some(path.clone())
        }
        PythonChoice::Find => {
            let found = tripwire::reference::cpython_313().map(PathBuf::from);
            if found.is_none() {
                eprintln!(
                    "tripwire bench: no CPython 3.13 found (TRIPWIRE_REFERENCE_PYTHON, \
                     python3.13 on PATH, pyenv); the CPython column is left out"
                );
            }
            found
        }
    };
    // Children start in their program's folder: a path to the interpreter must not
    // depend on where this command was started.
    let python = python.map(|p| {
        if p.components().count() > 1 {
            std::path::absolute(&p).unwrap_or(p)
        } else {
            p
        }
    });
    if let Some(python) = &python {
        options.configs.push(Config {
            name: "cpython".to_string(),
            runner: Runner::Cpython {
                python: python.clone(),
            },
        });
    }
    let json = match &options.json {
        Some(path) => {
            Some(File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?)
        }
        None => None,
    };
    Ok(Some(Bench {
        options,
        tripwire,
        python,
        json,
    }))
}

impl Bench {
    fn run(mut self) -> ExitCode {
        let o = &self.options;
        let total = o.programs.len() * o.configs.len() * o.runs;
        let bar = if std::io::stderr().is_terminal() {
            ProgressBar::new(total as u64)
        } else {
            ProgressBar::hidden()
        };
        if let Ok(style) =
            ProgressStyle::with_template("{elapsed_precise} [{bar:30}] {pos}/{len} {msg}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        let mut report = Report {
            configs: o.configs.clone(),
            cpython: self.python.as_ref().map(|_| o.configs.len() - 1),
            runs: o.runs,
            programs: Vec::new(),
        };
        for program in &o.programs {
            let mut cells = vec![Cell::default(); o.configs.len()];
            for i in 0..o.runs {
                for (config, cell) in o.configs.iter().zip(&mut cells) {
                    bar.set_message(format!(
                        "{} [{}] run {}/{}",
                        program.name,
                        config.name,
                        i + 1,
                        o.runs
                    ));
                    if cell.failure.is_none() {
                        self.run_once(program, config, i + 1, cell, &bar);
                    }
                    bar.inc(1);
                }
            }
            report.programs.push((program.clone(), cells));
        }
        bar.finish_and_clear();
        print!("{}", table::render(&report));
        if let Some(file) = self.json.take() {
            if let Err(e) = self.write_json(&report, file) {
                let path = self.options.json.unwrap_or_default();
                eprintln!("tripwire bench: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        }
        if report.any_failed() {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// One run of `program` under `config`, added to `cell`; a problem fails the cell
    /// and is told at once, with the end of the run's stderr.
    fn run_once(
        &self,
        program: &programs::Program,
        config: &Config,
        round: usize,
        cell: &mut Cell,
        bar: &ProgressBar,
    ) {
        let file = program.file_name();
        let (interpreter, args): (&OsStr, Vec<&OsStr>) = match &config.runner {
            Runner::Tripwire { args } => {
                let mut all = vec![OsStr::new("run")];
                all.extend(args.iter().map(OsStr::new));
                all.push(file);
                (self.tripwire.as_os_str(), all)
            }
            Runner::Cpython { python } => (python.as_os_str(), vec![file]),
        };
        let problem = match child::run(interpreter, &args, program.dir(), self.options.timeout) {
            Ok(m) => {
                let (run, problem) = Run::read(&m, &program.expected, config.reports_stats());
                cell.runs.push(run);
                problem.map(|p| (p, m.stderr))
            }
            Err(e) => Some((
                format!("cannot start {}: {e}", interpreter.to_string_lossy()),
                Vec::new(),
            )),
        };
        if let Some((problem, stderr)) = problem {
            let mut note = format!("{} [{}] run {round}: {problem}", program.name, config.name);
            let stderr = results::program_stderr(&stderr);
            let lines: Vec<&str> = stderr.lines().collect();
            for line in &lines[lines.len().saturating_sub(5)..] {
                note.push_str(&format!("\n    | {line}"));
            }
            bar.suspend(|| eprintln!("tripwire bench: {note}"));
            cell.failure = Some(problem);
        }
    }

    fn write_json(&self, report: &Report, file: File) -> std::io::Result<()> {
        let python = self.python.as_ref().map(|p| p.to_string_lossy());
        let setting = json::Setting {
            tripwire: &self.tripwire.to_string_lossy(),
            python: python.as_deref(),
            timeout_s: self.options.timeout.as_secs_f64(),
            runner_peak_rss: child::own_peak_rss(),
        };
        let mut out = std::io::BufWriter::new(file);
        serde_json::to_writer_pretty(&mut out, &json::document(report, &setting))?;
        writeln!(out)?;
        out.flush()
    }
}
