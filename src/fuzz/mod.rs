//! The mutation fuzzer: seeded mutants of the differential corpus run under tripwire
//! in child processes; a crash (signal, panic, abort) is always a finding, a hang is
//! one where CPython 3.13 ends the same mutant, and with `compare` every mutant's
//! exception type is checked against CPython's.
//!
//! `cargo test` runs a bounded campaign (tests/fuzz.rs); `tripwire fuzz` runs any
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
    /// Where the mutants of findings are written (`NNNN.py`), if anywhere.
    pub keep: Option<PathBuf>,
    /// Print a line to stderr every this many mutants (0: never).
    pub progress_every: u64,
}

/// Why a mutant is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindingKind {
    Crash,
    /// tripwire ran out of time where CPython ended.
    Hang,
    /// Both ended, with a different exit status or exception type.
    Differs,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub kind: FindingKind,
    pub index: u64,
    pub base: String,
    pub mutations: Vec<Mutation>,
    pub tripwire: Outcome,
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
        if let Some(r) = &self.reference {
            write!(f, ", CPython {}", r.summary())?;
        }
        Ok(())
    }
}

/// What a campaign found, findings in mutant order.
#[derive(Debug, Default)]
pub struct Report {
    pub run: u64,
    pub findings: Vec<Finding>,
    /// Mutants that ran out of time where no CPython could tell whether it would too.
    pub undecided_timeouts: u64,
    /// Mutants compared with CPython (both ended).
    pub compared: u64,
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
            "{} mutants: {} crashes, {} hangs, {} timeouts undecided (no CPython)",
            self.run,
            self.count(FindingKind::Crash),
            self.count(FindingKind::Hang),
            self.undecided_timeouts
        );
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
    let scratch = std::env::temp_dir().join(format!("tripwire-fuzz-{}", std::process::id()));
    let done = AtomicU64::new(0);
    let jobs = campaign.jobs.max(1);
    let results: Vec<std::io::Result<(Vec<Finding>, u64, u64)>> = std::thread::scope(|s| {
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
        let (findings, undecided, compared) = r?;
        report.findings.extend(findings);
        report.undecided_timeouts += undecided;
        report.compared += compared;
    }
    report.findings.sort_by_key(|f| f.index);
    Ok(report)
}

/// Mutants `start + worker`, `start + worker + jobs`, ...: (findings, undecided
/// timeouts, compared).
fn worker(
    corpus: &Corpus,
    campaign: &Campaign,
    worker: u64,
    jobs: u64,
    dir: &Path,
    done: &AtomicU64,
) -> std::io::Result<(Vec<Finding>, u64, u64)> {
    std::fs::create_dir_all(dir)?;
    for (name, source) in &corpus.helpers {
        std::fs::write(dir.join(name), source)?;
    }
    let program = dir.join("mutant.py");
    let mut findings = Vec::new();
    let (mut undecided, mut compared) = (0, 0);
    let mut index = campaign.start + worker;
    while index < campaign.start + campaign.count {
        let Some((base, source, mutations)) = corpus.mutant(campaign.seed, index) else {
            break;
        };
        std::fs::write(&program, &source)?;
        let ours = outcome::run(&campaign.tripwire, &program, dir, campaign.limits)?;
        let needs_reference =
            campaign.compare || matches!(ours, Outcome::TimedOut | Outcome::Signalled(_));
        let theirs = match (&campaign.reference, needs_reference) {
            (Some(python), true) => Some(outcome::run(
                std::slice::from_ref(python),
                &program,
                dir,
                campaign.limits,
            )?),
            _ => None,
        };
        let kind = match (&ours, &theirs) {
            (o, _) if o.is_crash() => Some(FindingKind::Crash),
            // Killed by a signal the program sent itself, as the reference is.
            (Outcome::Signalled(s), Some(Outcome::Signalled(t))) if s == t => None,
            (Outcome::Signalled(_), _) => Some(FindingKind::Crash),
            (Outcome::TimedOut, None) => {
                undecided += 1;
                None
            }
            (Outcome::TimedOut, Some(Outcome::TimedOut)) => None,
            (Outcome::TimedOut, Some(_)) => Some(FindingKind::Hang),
            (Outcome::Exited { .. }, Some(t @ Outcome::Exited { .. })) => {
                compared += 1;
                (&ours != t).then_some(FindingKind::Differs)
            }
            _ => None,
        };
        if let Some(kind) = kind {
            if let Some(keep) = &campaign.keep {
                std::fs::create_dir_all(keep)?;
                std::fs::write(keep.join(format!("{index:06}.py")), &source)?;
            }
            findings.push(Finding {
                kind,
                index,
                base: base.to_string(),
                mutations,
                tripwire: ours,
                reference: theirs,
            });
        }
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if campaign.progress_every > 0 && n.is_multiple_of(campaign.progress_every) {
            eprintln!("fuzz: {n} of {} mutants run", campaign.count);
        }
        index += jobs;
    }
    Ok((findings, undecided, compared))
}
