//! What watcher emission costs a store to an unwatched dict. Run it twice, with and
//! without emission compiled in, and compare:
//!
//!     cargo bench -p tripwire-core --bench dict_store
//!     cargo bench -p tripwire-core --bench dict_store --features no-watchers

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tripwire_core::object::{Dict, PyStr, Value};
use tripwire_core::Vm;

fn dict_store(c: &mut Criterion) {
    let mut vm = Vm::new();
    let d = Dict::new_rc();
    let keys: Vec<Value> = (0..64)
        .map(|i| Value::Str(std::rc::Rc::new(PyStr::new(&format!("k{i}")))))
        .collect();
    let label = if cfg!(feature = "no-watchers") {
        "no-watchers"
    } else {
        "watchers"
    };
    c.bench_function(&format!("dict store, unwatched dict ({label})"), |b| {
        let mut i = 0usize;
        b.iter(|| {
            i = (i + 1) & 63;
            let r = vm.dict_set(&d, keys[i].clone(), Value::Int(i as i64));
            black_box(r.is_ok())
        })
    });
    let code = "d = {}\nfor i in range(2000):\n    d['a'] = i\n    d['b'] = i\n    g = i\n";
    c.bench_function(&format!("python stores, 6000 per run ({label})"), |b| {
        b.iter(|| {
            let r = vm.exec_source(code, "<bench>", Dict::new_rc());
            black_box(r.is_ok())
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = dict_store
}
criterion_main!(benches);
