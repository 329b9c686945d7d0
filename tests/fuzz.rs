//! A bounded, seeded fuzzing campaign over the corpus (src/fuzz/): no mutant may
//! crash tripwire, or hang where CPython 3.13 ends it. `tripwire fuzz` runs longer
//! campaigns from the command line.

use std::path::Path;
use std::time::Duration;
use tripwire::fuzz::{self, outcome::Limits, Campaign, Corpus};

/// Mutants per `cargo test`: about twenty seconds on two idle cores.
const MUTANTS: u64 = 2000;

#[test]
fn corpus_mutants_neither_crash_nor_hang() {
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs"))
        .expect("the corpus is readable");
    let campaign = Campaign {
        seed: 20261206,
        start: 0,
        count: MUTANTS,
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
    };
    let report = fuzz::run(&corpus, &campaign).expect("mutants run");
    eprintln!("fuzz: {}", report.summary());
    assert_eq!(report.run, MUTANTS);
    let failures: Vec<String> = report.failures().iter().map(|f| f.to_string()).collect();
    assert!(
        failures.is_empty(),
        "reproduce with `tripwire fuzz --seed={} --show=INDEX`:\n{}",
        campaign.seed,
        failures.join("\n")
    );
}
