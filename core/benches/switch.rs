//! What switching costs: a bare stack switch round trip, a greenlet switch round
//! trip (`g.switch()` into a greenlet that switches straight back), and a thread
//! switch round trip (`time.sleep(0)` with a second thread doing the same).
//!
//!     cargo bench -p tripwire-core --bench switch

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tripwire_core::object::{Dict, PyStr, Value};
use tripwire_core::vm::stacks::ROOT;
use tripwire_core::Vm;

const SETUP: &str = r#"
import threading, time
from greenlet import greenlet, getcurrent
main = getcurrent()
def bounce():
    while True:
        main.switch()
g = greenlet(bounce)
g.switch()
stop = False
def yielder():
    while not stop:
        time.sleep(0)
t = threading.Thread(target=yielder, daemon=True)
t.start()
sleep = time.sleep
"#;

fn global(ns: &Dict, name: &str) -> Value {
    ns.get_str(&PyStr::new(name))
        .unwrap_or_else(|| panic!("the setup defines {name}"))
}

fn switch(c: &mut Criterion) {
    let mut vm = Vm::new();
    let bare = vm
        .new_stack(Box::new(|vm: &mut Vm| loop {
            vm.switch_stack(ROOT);
        }))
        .expect("a stack");
    c.bench_function("stack switch round trip (bare)", |b| {
        b.iter(|| {
            vm.switch_stack(black_box(bare));
        })
    });

    let ns = Dict::new_rc();
    if let Err(e) = vm.exec_source(SETUP, "<bench>", ns.clone()) {
        let text = vm.format_exception(e.value());
        panic!("setup failed: {text}");
    }
    let g = global(&ns, "g");
    let switch_name = vm.intern("switch");
    let Ok(g_switch) = vm.get_attr(&g, &switch_name) else {
        panic!("g has no switch method");
    };
    c.bench_function("greenlet switch round trip", |b| {
        b.iter(|| black_box(vm.call(&g_switch, &[], &[]).is_ok()))
    });

    let sleep = global(&ns, "sleep");
    c.bench_function("thread switch round trip (sleep(0) in two threads)", |b| {
        b.iter(|| black_box(vm.call(&sleep, &[Value::Int(0)], &[]).is_ok()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(3));
    targets = switch
}
criterion_main!(benches);
