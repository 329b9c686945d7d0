//! The mutation fuzzer: seeded mutants of the differential corpus run under tripwire
//! in child processes; a crash (signal, panic, abort) is always a finding, a hang is
//! one where CPython 3.13 ends the same mutant, and with `compare` every mutant's
//! exception type is checked against CPython's.
//!
//! With `plain`, every mutant also runs under the plain interpreter (`--no-opt`),
//! and a run under the optimizer's options that prints or ends otherwise is a
//! finding: compiled code must never change what a program does.
//!
//! `cargo test` runs bounded campaigns (tests/fuzz.rs); `tripwire fuzz` runs any
//! number. Mutant `i` of seed `s` is the same program everywhere, so a finding is
//! reproduced with `tripwire fuzz --seed s --show i`.

pub mod mutate;
pub mod outcome;

use mutate::{Mutation, Rng};
use outcome::{Limits, Outcome};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A set of base programs to mutate: (name, source), sorted by name.
pub struct Corpus {
    programs: Vec<(String, Vec<u8>)>,
    /// Modules the programs import (`helper_*.py`), copied beside every mutant.
    helpers: Vec<(String, Vec<u8>)>,
}

impl Corpus {
    /// The `.py` files of `dir`; `helper_*` files are modules, not bases.
    pub fn load(dir: &Path) -> std::io::Result<Corpus> {
        let mut programs = Vec::new();
        let mut helpers = Vec::new();
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            if !name.ends_with(".py") {
                continue;
            }
            let source = std::fs::read(&path)?;
            if name.starts_with("helper_") {
                helpers.push((name, source));
            } else {
                programs.push((name, source));
            }
        }
        programs.sort();
        helpers.sort();
        Ok(Corpus { programs, helpers })
    }

    pub fn len(&self) -> usize {
        self.programs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.programs.is_empty()
    }

    /// Mutant `index` of campaign `seed`: its base program's name, its source and
    /// the operators applied.
    pub fn mutant(&self, seed: u64, index: u64) -> Option<(&str, Vec<u8>, Vec<Mutation>)> {
        if self.programs.is_empty() {
            return None;
        }
        let mut choose = Rng::for_mutant(!seed, index);
        let (name, base) = &self.programs[choose.below(self.programs.len())];
        let (source, applied) = mutate::mutant(seed, index, base);
        Some((name, source, applied))
    }
}

/// What to run and how.
#[derive(Clone, Debug)]
pub struct Campaign {
    pub seed: u64,
    /// The first mutant's index, and how many to run.
    pub start: u64,
    pub count: u64,
    pub jobs: usize,
    pub limits: Limits,
    /// The tripwire command that runs a file (e.g. `[exe, "run"]`).
    pub tripwire: Vec<String>,
    /// CPython 3.13, to tell a hang from a program that never ends.
    pub reference: Option<String>,
    /// Run CPython on every mutant and count those whose exception type differs.
    pub compare: bool,
    /// The command of the plain interpreter (`[exe, "run", "--no-opt"]`), when
    /// `tripwire` runs the optimizer: every mutant runs under both, and one that
    /// prints or ends otherwise under `tripwire` is a finding.
    pub plain: Option<Vec<String>>,
    /// Where the mutants of findings are written (`NNNN.py`), if anywhere.
    pub keep: Option<PathBuf>,
    /// Print a line to stderr every this many mutants (0: never).
    pub progress_every: u64,
}

/// Why a mutant is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingKind {
    Crash,
    /// tripwire ran out of time where CPython ended in under half of it.
    Hang,
    /// Both ended, with a different exit status or exception type.
    Differs,
    /// The run under the optimizer printed or ended otherwise than the plain
    /// interpreter's (which printed the same twice).
    OptimizerDiffers,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub kind: FindingKind,
    pub index: u64,
    pub base: String,
    pub mutations: Vec<Mutation>,
    pub tripwire: Outcome,
    /// CPython's outcome, or for `OptimizerDiffers` the plain interpreter's.
    pub reference: Option<Outcome>,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} mutant {} of {} {:?}: tripwire {}",
            self.kind,
            self.index,
            self.base,
            self.mutations,
            self.tripwire.summary()
        )?;
        match (&self.reference, self.kind) {
            (Some(r), FindingKind::OptimizerDiffers) if *r == self.tripwire => {
                write!(f, ", --no-opt {} (stdout differs)", r.summary())?
            }
            (Some(r), FindingKind::OptimizerDiffers) => write!(f, ", --no-opt {}", r.summary())?,
            (Some(r), _) => write!(f, ", CPython {}", r.summary())?,
            (None, _) => {}
        }
        Ok(())
    }
}

/// What a campaign found, findings in mutant order.
#[derive(Debug, Default)]
pub struct Report {
    pub run: u64,
    pub findings: Vec<Finding>,
    /// Mutants that ran out of time where no CPython could tell whether it would
    /// too, or where CPython ran out of memory.
    pub undecided_timeouts: u64,
    /// Mutants compared with CPython (both ended).
    pub compared: u64,
    /// Mutants compared with the plain interpreter (both ended).
    pub against_plain: u64,
}

impl Report {
    pub fn count(&self, kind: FindingKind) -> usize {
        self.findings.iter().filter(|f| f.kind == kind).count()
    }

    /// Crashes and hangs: what a campaign must not find.
    pub fn failures(&self) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.kind != FindingKind::Differs)
            .collect()
    }

    pub fn summary(&self) -> String {
        let mut s = format!(
            "{} mutants: {} crashes, {} hangs, {} timeouts undecided (no CPython, it ran out of memory, or it took over half the time limit itself)",
            self.run,
            self.count(FindingKind::Crash),
            self.count(FindingKind::Hang),
            self.undecided_timeouts
        );
        if self.against_plain > 0 {
            s.push_str(&format!(
                "; output differs from --no-opt's in {} of {}",
                self.count(FindingKind::OptimizerDiffers),
                self.against_plain
            ));
        }
        if self.compared > 0 {
            s.push_str(&format!(
                "; exit status or exception type differs from CPython's in {} of {}",
                self.count(FindingKind::Differs),
                self.compared
            ));
        }
        s
    }
}

/// Run the campaign on `jobs` threads, each with a scratch folder of its own.
pub fn run(corpus: &Corpus, campaign: &Campaign) -> std::io::Result<Report> {
    // One folder per campaign, even for campaigns a process runs at once.
    static CAMPAIGNS: AtomicU64 = AtomicU64::new(0);
    let scratch = std::env::temp_dir().join(format!(
        "tripwire-fuzz-{}-{}",
        std::process::id(),
        CAMPAIGNS.fetch_add(1, Ordering::Relaxed)
    ));
    let done = AtomicU64::new(0);
    let jobs = campaign.jobs.max(1);
    let results: Vec<std::io::Result<Tally>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..jobs)
            .map(|w| {
                let dir = scratch.join(w.to_string());
                let done = &done;
                s.spawn(move || worker(corpus, campaign, w as u64, jobs as u64, &dir, done))
            })
            .collect();
        workers
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("fuzz worker panicked")))
            })
            .collect()
    });
    let _ = std::fs::remove_dir_all(&scratch);
    let mut report = Report {
        run: done.load(Ordering::Relaxed),
        ..Report::default()
    };
    for r in results {
        let tally = r?;
        report.findings.extend(tally.findings);
        report.undecided_timeouts += tally.undecided;
        report.compared += tally.compared;
        report.against_plain += tally.against_plain;
    }
    report.findings.sort_by_key(|f| f.index);
    Ok(report)
}

/// What one worker found.
#[derive(Default)]
struct Tally {
    findings: Vec<Finding>,
    /// Timeouts no CPython could decide.
    undecided: u64,
    /// Mutants compared with CPython, and with the plain interpreter.
    compared: u64,
    against_plain: u64,
}

/// Mutants `start + worker`, `start + worker + jobs`, ...
fn worker(
    corpus: &Corpus,
    campaign: &Campaign,
    worker: u64,
    jobs: u64,
    dir: &Path,
    done: &AtomicU64,
) -> std::io::Result<Tally> {
    std::fs::create_dir_all(dir)?;
    for (name, source) in &corpus.helpers {
        std::fs::write(dir.join(name), source)?;
    }
    let program = dir.join("mutant.py");
    let mut tally = Tally::default();
    let mut index = campaign.start + worker;
    while index < campaign.start + campaign.count {
        let Some((base, source, mutations)) = corpus.mutant(campaign.seed, index) else {
            break;
        };
        std::fs::write(&program, &source)?;
        clear_leftovers(&program)?;
        let ours = outcome::run(&campaign.tripwire, &program, dir, campaign.limits)?;
        let found = match judge_against_cpython(campaign, &program, dir, &ours.outcome, &mut tally)?
        {
            Some(found) => Some(found),
            None => judge_against_plain(campaign, &program, dir, &ours, &mut tally)?,
        };
        if let Some((kind, reference)) = found {
            if let Some(keep) = &campaign.keep {
                std::fs::create_dir_all(keep)?;
                std::fs::write(keep.join(format!("{index:06}.py")), &source)?;
            }
            tally.findings.push(Finding {
                kind,
                index,
                base: base.to_string(),
                mutations,
                tripwire: ours.outcome,
                reference,
            });
        }
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if campaign.progress_every > 0 && n.is_multiple_of(campaign.progress_every) {
            eprintln!("fuzz: {n} of {} mutants run", campaign.count);
        }
        index += jobs;
    }
    Ok(tally)
}

/// Remove what earlier runs left in the mutant's folder (files and folders a
/// program made), keeping the mutant and the helper modules (`helper_*.py`).
fn clear_leftovers(program: &Path) -> std::io::Result<()> {
    let Some(dir) = program.parent() else {
        return Ok(());
    };
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if path == program || (name.starts_with("helper_") && name.ends_with(".py")) {
            continue;
        }
        let removed = match path.is_dir() && !path.is_symlink() {
            true => std::fs::remove_dir_all(&path),
            false => std::fs::remove_file(&path),
        };
        // A file a program made read-only, or one already gone, is left as it is.
        drop(removed);
    }
    Ok(())
}

/// A crash, or a hang or a different ending where CPython (run when needed) ends
/// the mutant: the finding and CPython's outcome.
fn judge_against_cpython(
    campaign: &Campaign,
    program: &Path,
    dir: &Path,
    ours: &Outcome,
    tally: &mut Tally,
) -> std::io::Result<Option<(FindingKind, Option<Outcome>)>> {
    let needs_reference =
        campaign.compare || matches!(ours, Outcome::TimedOut | Outcome::Signalled(_));
    let reference = match (&campaign.reference, needs_reference) {
        (Some(python), true) => Some(outcome::run(
            std::slice::from_ref(python),
            program,
            dir,
            campaign.limits,
        )?),
        _ => None,
    };
    // CPython itself needing over half the limit: a slow mutant (a loaded machine
    // slows both runs), not one tripwire hangs on.
    let slow = reference
        .as_ref()
        .is_some_and(|r| r.took * 2 > campaign.limits.time);
    let theirs = reference.map(|r| r.outcome);
    let kind = match (ours, &theirs) {
        (o, _) if o.is_crash() => Some(FindingKind::Crash),
        // Killed by a signal the program sent itself, as the reference is.
        (Outcome::Signalled(s), Some(Outcome::Signalled(t))) if s == t => None,
        (Outcome::Signalled(_), _) => Some(FindingKind::Crash),
        (Outcome::TimedOut, None) => {
            tally.undecided += 1;
            None
        }
        (Outcome::TimedOut, Some(Outcome::TimedOut)) => None,
        (Outcome::TimedOut, Some(_)) if slow => {
            tally.undecided += 1;
            None
        }
        // CPython ran out of memory: the mutant allocates without end, and only
        // how much each object takes decides who stops first (tripwire's are
        // smaller, so it runs on longer to the same limit).
        (Outcome::TimedOut, Some(Outcome::Exited { exception, .. }))
            if exception == "MemoryError" =>
        {
            tally.undecided += 1;
            None
        }
        (Outcome::TimedOut, Some(_)) => Some(FindingKind::Hang),
        (Outcome::Exited { .. }, Some(t @ Outcome::Exited { .. })) => {
            tally.compared += 1;
            (ours != t).then_some(FindingKind::Differs)
        }
        _ => None,
    };
    Ok(kind.map(|k| (k, theirs)))
}

/// With `plain`: a run that ended otherwise, or printed otherwise, than the plain
/// interpreter's, when the plain interpreter does the same twice (a program that
/// prints addresses or times differs from itself).
fn judge_against_plain(
    campaign: &Campaign,
    program: &Path,
    dir: &Path,
    ours: &outcome::Ran,
    tally: &mut Tally,
) -> std::io::Result<Option<(FindingKind, Option<Outcome>)>> {
    let Some(plain) = &campaign.plain else {
        return Ok(None);
    };
    if !matches!(ours.outcome, Outcome::Exited { .. }) {
        return Ok(None);
    }
    // Each run starts from the folder as the mutant found it: a file an earlier
    // run left would make this one end otherwise.
    let fresh_run = |cmd: &[String]| {
        clear_leftovers(program)?;
        outcome::run(cmd, program, dir, campaign.limits)
    };
    let theirs = fresh_run(plain)?;
    if !matches!(theirs.outcome, Outcome::Exited { .. }) {
        return Ok(None);
    }
    tally.against_plain += 1;
    if *ours == theirs || fresh_run(plain)? != theirs {
        return Ok(None);
    }
    Ok(Some((FindingKind::OptimizerDiffers, Some(theirs.outcome))))
}
