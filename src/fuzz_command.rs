//! `tripwire fuzz`: the command line of the mutation fuzzer (`tripwire::fuzz`).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;
use tripwire::fuzz::{self, outcome::Limits, Campaign, Corpus};

pub const HELP: &str = "\
Usage: tripwire fuzz [OPTIONS]
  --seed=N          campaign seed (default 1)
  --count=N         mutants to run (default 1000)
  --start=N         index of the first mutant (default 0)
  --jobs=N          mutants run at once (default: the number of cores)
  --timeout=SECS    time limit per run (default 10)
  --memory=MB       address-space limit per run, as ulimit -v (default 4000)
  --corpus=DIR      programs to mutate (default tests/programs)
  --reference=PY    CPython 3.13 to tell hangs apart (default: found as the tests
                    find it; 'none' for none)
  --compare         run CPython on every mutant and count those whose exit status
                    or exception type differs
  --against-plain=OPTIONS
                    run every mutant with these optimizer options (e.g.
                    '--hot-loops=1 --stress-deopt=7') and with --no-opt: a mutant
                    that prints or ends otherwise under the optimizer is a finding
  --keep=DIR        write the mutants of findings there
  --show=N          print mutant N's source and the operators applied, run nothing
Exits 1 if a mutant crashed tripwire (signal, panic, abort), hung where CPython ends,
or with --against-plain printed or ended otherwise under the optimizer.
";

fn number<T: std::str::FromStr>(option: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{option} needs a number, not '{value}'"))
}

pub fn main(args: &[String]) -> ExitCode {
    match parse_and_run(args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("tripwire fuzz: {msg}\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

fn parse_and_run(args: &[String]) -> Result<ExitCode, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let mut campaign = Campaign {
        seed: 1,
        start: 0,
        count: 1000,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        limits: Limits {
            time: Duration::from_secs(10),
            memory: 4000 << 20,
        },
        tripwire: vec![exe.to_string_lossy().into_owned(), "run".to_string()],
        reference: None,
        compare: false,
        plain: None,
        keep: None,
        progress_every: 1000,
    };
    let mut corpus_dir = PathBuf::from("tests/programs");
    let mut reference = None;
    let mut show = None;
    for arg in args {
        let (option, value) = arg.split_once('=').unwrap_or((arg, ""));
        match option {
            "--seed" => campaign.seed = number(option, value)?,
            "--count" => campaign.count = number(option, value)?,
            "--start" => campaign.start = number(option, value)?,
            "--jobs" => campaign.jobs = number(option, value)?,
            "--timeout" => campaign.limits.time = Duration::from_secs_f64(number(option, value)?),
            "--memory" => campaign.limits.memory = number::<u64>(option, value)? << 20,
            "--corpus" => corpus_dir = PathBuf::from(value),
            "--reference" => reference = Some(value.to_string()),
            "--compare" => campaign.compare = true,
            "--against-plain" => {
                let run = campaign.tripwire.clone();
                campaign
                    .tripwire
                    .extend(value.split_whitespace().map(str::to_string));
                campaign.plain = Some([run, vec!["--no-opt".to_string()]].concat());
            }
            "--keep" => campaign.keep = Some(PathBuf::from(value)),
            "--show" => show = Some(number::<u64>(option, value)?),
            "--help" | "-h" => {
                print!("{HELP}");
                return Ok(ExitCode::SUCCESS);
            }
            _ => return Err(format!("unknown option '{arg}'")),
        }
    }
    let corpus = Corpus::load(&corpus_dir)
        .map_err(|e| format!("cannot read {}: {e}", corpus_dir.display()))?;
    if corpus.is_empty() {
        return Err(format!("{} holds no .py programs", corpus_dir.display()));
    }
    if let Some(index) = show {
        if let Some((base, source, mutations)) = corpus.mutant(campaign.seed, index) {
            eprintln!(
                "# mutant {index} of seed {}: {base} {mutations:?}",
                campaign.seed
            );
            use std::io::Write;
            let _ = std::io::stdout().write_all(&source);
        }
        return Ok(ExitCode::SUCCESS);
    }
    campaign.reference = match reference.as_deref() {
        Some("none") => None,
        Some(python) => Some(python.to_string()),
        None => tripwire::reference::cpython_313(),
    };
    if campaign.compare && campaign.reference.is_none() {
        return Err("--compare needs a CPython 3.13 (--reference=PY)".to_string());
    }
    let report = fuzz::run(&corpus, &campaign).map_err(|e| format!("cannot run mutants: {e}"))?;
    for finding in &report.findings {
        println!("{finding}");
    }
    println!("{}", report.summary());
    Ok(if report.failures().is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
