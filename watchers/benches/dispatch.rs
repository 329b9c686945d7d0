//! Cost of dispatching one event to one no-op watcher (target: at most 20 ns), and of
//! a dispatch that finds no watcher for the object's mask.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tripwire_watchers::{Kind, Registry};

fn dispatch(c: &mut Criterion) {
    let r: Registry<u64, u64, ()> = Registry::new(Kind::Dict);
    let id = r.add(|n: &mut u64, e: &u64| {
        *n = n.wrapping_add(*e);
        Ok(())
    });
    assert_eq!(id, Ok(0));
    let mut ctx = 0u64;
    c.bench_function("dispatch one event to one no-op watcher", |b| {
        b.iter(|| r.dispatch(black_box(1), &mut ctx, black_box(&1), &mut |_, _, _| {}))
    });
    c.bench_function("dispatch to a mask with no registered watcher", |b| {
        b.iter(|| r.dispatch(black_box(2), &mut ctx, black_box(&1), &mut |_, _, _| {}))
    });
    black_box(ctx);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(300))
        .measurement_time(std::time::Duration::from_secs(1));
    targets = dispatch
}
criterion_main!(benches);
