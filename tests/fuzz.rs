//! Bounded, seeded fuzzing campaigns over the corpus (src/fuzz/): no mutant may
//! crash tripwire, or hang where CPython 3.13 ends it; and no mutant may print or
//! end otherwise under the optimizer (units compiled at once, guards failing)
//! than under `--no-opt`. `tripwire fuzz` runs longer campaigns from the command
//! line.

use std::path::Path;
use std::time::Duration;
use tripwire::fuzz::{self, outcome::Limits, Campaign, Corpus};

/// Mutants per `cargo test`: about twenty seconds on two idle cores.
const MUTANTS: u64 = 2000;

/// Mutants run twice (optimizer, plain) per `cargo test`: about ten seconds.
const AGAINST_PLAIN: u64 = 400;

fn campaign(seed: u64, count: u64) -> Campaign {
    Campaign {
        seed,
        start: 0,
        count,
        jobs: 2,
        limits: Limits {
            time: Duration::from_secs(10),
            memory: 4000 << 20,
        },
        tripwire: vec![
            env!("CARGO_BIN_EXE_tripwire").to_string(),
            "run".to_string(),
        ],
        reference: tripwire::reference::cpython_313(),
        compare: false,
        plain: None,
        keep: None,
        progress_every: 0,
    }
}

fn run_and_check(campaign: &Campaign, count: u64) {
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs"))
        .expect("the corpus is readable");
    let report = fuzz::run(&corpus, campaign).expect("mutants run");
    eprintln!("fuzz: {}", report.summary());
    assert_eq!(report.run, count);
    let failures: Vec<String> = report.failures().iter().map(|f| f.to_string()).collect();
    assert!(
        failures.is_empty(),
        "reproduce with `tripwire fuzz --seed={} --show=INDEX`:\n{}",
        campaign.seed,
        failures.join("\n")
    );
}

#[test]
fn corpus_mutants_neither_crash_nor_hang() {
    run_and_check(&campaign(20261206, MUTANTS), MUTANTS);
}

#[test]
fn corpus_mutants_do_the_same_compiled_as_interpreted() {
    let mut campaign = campaign(20261207, AGAINST_PLAIN);
    let plain = [campaign.tripwire.clone(), vec!["--no-opt".to_string()]].concat();
    campaign
        .tripwire
        .extend(["--hot-loops=1", "--hot-calls=1", "--stress-deopt=7"].map(str::to_string));
    campaign.plain = Some(plain);
    run_and_check(&campaign, AGAINST_PLAIN);
}
