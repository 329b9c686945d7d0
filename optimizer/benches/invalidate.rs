//! Invalidation cost per dependency index, as compiled units grow from 10 to 100,000
//! (spec strategy 1): finding the dependents of a dependency that one unit has and
//! removing that unit. Only that is timed: the unit is put back afterwards (a
//! recompile), outside the measurement, so every iteration sees the same index.
//! Also printed once per size: bytes per dependency, and the Bloom index's spurious
//! hits per event.
//!
//! `cargo bench -p tripwire-optimizer --bench invalidate`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use std::time::{Duration, Instant};
use tripwire_optimizer::deps::{
    bloom::BloomIndex, exact::ExactIndex, name_key, DepKey, DependencyIndex, SiteId, UnitId,
};

/// Dependencies per unit: globals and attributes a medium function reads.
const DEPS_PER_UNIT: u64 = 20;

/// Unit `u`'s dependencies: keys of 100 shared module dicts, and one key of its own
/// so that exactly one unit depends on it.
fn deps_of(u: u32) -> impl Iterator<Item = DepKey> {
    let shared = (0..DEPS_PER_UNIT - 1).map(move |d| DepKey {
        object: 0x1000 + (u as u64 + d) % 100,
        key: name_key(&format!("name{}", (u as u64 * 7 + d) % 500)),
    });
    shared.chain(std::iter::once(DepKey {
        object: 0x10_0000 + u as u64,
        key: name_key("own"),
    }))
}

/// Every unit's dependencies, computed once (building the keys is not what is
/// measured).
fn table(units: u32) -> Vec<Vec<DepKey>> {
    (0..units).map(|u| deps_of(u).collect()).collect()
}

fn add_unit(index: &mut dyn DependencyIndex, u: UnitId, deps: &[DepKey]) {
    for (s, &key) in deps.iter().enumerate() {
        index.add(u, SiteId(s as u32), key);
    }
}

fn fill(index: &mut dyn DependencyIndex, deps: &[Vec<DepKey>]) {
    for (u, d) in deps.iter().enumerate() {
        add_unit(index, UnitId(u as u32), d);
    }
}

/// Invalidate unit `u`'s own dependency: its dependents found and removed. Returns
/// the time that took; the removed units are put back afterwards.
fn invalidate_one(
    index: &mut dyn DependencyIndex,
    deps: &[Vec<DepKey>],
    u: u32,
    out: &mut Vec<tripwire_optimizer::deps::Affected>,
) -> Duration {
    let key = DepKey {
        object: 0x10_0000 + u as u64,
        key: name_key("own"),
    };
    let started = Instant::now();
    out.clear();
    index.affected(key, out);
    for a in out.iter() {
        index.remove_unit(a.unit());
    }
    black_box(&out);
    let took = started.elapsed();
    for a in out.iter() {
        let unit = a.unit();
        if let Some(d) = deps.get(unit.0 as usize) {
            add_unit(index, unit, d);
        }
    }
    took
}

fn report(name: &str, index: &dyn DependencyIndex, units: u32) {
    let mut spurious = 0;
    let mut out = Vec::new();
    for u in (0..units).step_by((units as usize / 100).max(1)) {
        out.clear();
        index.affected(
            DepKey {
                object: 0x10_0000 + u as u64,
                key: name_key("own"),
            },
            &mut out,
        );
        let mut hit: Vec<u32> = out.iter().map(|a| a.unit().0).collect();
        hit.sort();
        hit.dedup();
        spurious += hit.iter().filter(|&&h| h != u).count();
    }
    let events = units.div_ceil((units / 100).max(1));
    eprintln!(
        "{name} {units} units: {:.1} bytes per dependency, {:.2} spurious units per event",
        index.bytes() as f64 / (units as u64 * DEPS_PER_UNIT) as f64,
        spurious as f64 / events as f64
    );
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("invalidate one unit's dependency");
    for units in [10u32, 1_000, 100_000] {
        let deps = table(units);
        let mut exact = ExactIndex::default();
        fill(&mut exact, &deps);
        report("exact", &exact, units);
        let mut bloom = BloomIndex::default();
        fill(&mut bloom, &deps);
        report("bloom", &bloom, units);
        let mut out = Vec::new();
        let mut next = 0u32;
        for (name, index) in [
            ("exact", &mut exact as &mut dyn DependencyIndex),
            ("bloom", &mut bloom as &mut dyn DependencyIndex),
        ] {
            group.bench_function(BenchmarkId::new(name, units), |b| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| {
                            next = (next + 7919) % units;
                            invalidate_one(index, &deps, next, &mut out)
                        })
                        .sum()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
