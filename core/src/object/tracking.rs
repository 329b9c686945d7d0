//! The registry of container objects the cycle collector examines.
//!
//! Objects that can take part in reference cycles (dicts, lists, tuples holding
//! containers, instances, functions, cells, classes, generators, deques) are registered here
//! when they are made, as weak references. Reference counting frees almost everything;
//! the collector (`crate::vm::gc`) only looks for groups that keep each other alive.
//! This module only records; it never runs Python code.

use super::weak_value::WeakValue;
use super::{CellObj, Dict, Function, Instance, List, Object, TupleRef, Type, Value};
use crate::vm::generator::Generator;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Objects registered before a collection is worth running.
const MIN_THRESHOLD: usize = 20_000;

/// When this many entries have been registered since the last sweep, the dead ones
/// among them are dropped. A weak reference keeps its object's memory block
/// allocated, so without the sweep every short-lived container would hold its block
/// until the next collection.
const SWEEP_EVERY: usize = 4096;

thread_local! {
    // ManuallyDrop: weak references only; nothing to release at thread exit, and the
    // objects they point to may outlive thread-local storage.
    static REGISTRY: std::mem::ManuallyDrop<RefCell<Vec<WeakValue>>> =
        const { std::mem::ManuallyDrop::new(RefCell::new(Vec::new())) };
    static THRESHOLD: Cell<usize> = const { Cell::new(MIN_THRESHOLD) };
    /// Registry entries before this index have survived a sweep or a collection.
    static YOUNG_START: Cell<usize> = const { Cell::new(0) };
    static ENABLED: Cell<bool> = const { Cell::new(true) };
    /// The registry could not grow (`make_room`); cleared by a collection.
    static STARVED: Cell<bool> = const { Cell::new(false) };
}

fn register(t: WeakValue) {
    let due = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() == r.capacity() && !make_room(&mut r) {
            // Memory is short: the object goes untracked (a cycle through it will
            // not be collected), as the program's next allocation will likely fail.
            return false;
        }
        r.push(t);
        let young = YOUNG_START.with(|y| y.get()).min(r.len());
        if r.len() - young >= SWEEP_EVERY {
            sweep(&mut r, young);
        }
        let due = r.len() >= THRESHOLD.with(|t| t.get());
        if due && !ENABLED.with(|e| e.get()) {
            // No collection will prune the registry: sweep all of it instead, so the
            // blocks of dead objects are released with the collector off too.
            sweep(&mut r, 0);
            THRESHOLD.with(|t| t.set((r.len() * 2).max(MIN_THRESHOLD)));
            return false;
        }
        due
    });
    if due {
        crate::vm::finalize::request_collection();
    }
}

pub fn dict(d: &Rc<Dict>) {
    register(WeakValue::Dict(Rc::downgrade(d)));
}
pub fn list(l: &Rc<List>) {
    register(WeakValue::List(Rc::downgrade(l)));
}
/// Room for one more entry in a full registry, without ending the process when
/// memory is short: doubling needs one large block, so when that cannot be had the
/// dead entries are dropped, and failing that the registry grows by a little.
/// After a failure, nothing more is tried until the next collection (each try walks
/// the whole registry).
fn make_room(r: &mut Vec<WeakValue>) -> bool {
    if STARVED.with(|s| s.get()) {
        return false;
    }
    if r.try_reserve(1).is_ok() {
        return true;
    }
    sweep(r, 0);
    let room = r.len() < r.capacity() || r.try_reserve_exact(r.len() / 16 + 1).is_ok();
    STARVED.with(|s| s.set(!room));
    room
}

/// Drop the dead entries from `young` on, keeping the order of the live ones.
fn sweep(r: &mut Vec<WeakValue>, young: usize) {
    let mut kept = young;
    for i in young..r.len() {
        if r[i].is_alive() {
            r.swap(kept, i);
            kept += 1;
        }
    }
    r.truncate(kept);
    YOUNG_START.with(|y| y.set(kept));
}

/// Tuples are tracked only when they hold something that could refer back to them.
pub fn tuple(t: &TupleRef) {
    if t.items.iter().any(could_be_in_cycle) {
        register(WeakValue::Tuple(t.downgrade()));
    }
}
pub fn instance(i: &Rc<Instance>) {
    register(WeakValue::Instance(Rc::downgrade(i)));
}
pub fn function(f: &Rc<Function>) {
    register(WeakValue::Function(Rc::downgrade(f)));
}
pub fn cell(c: &Rc<CellObj>) {
    register(WeakValue::Cell(Rc::downgrade(c)));
}
pub fn class(t: &Rc<Type>) {
    register(WeakValue::Type(Rc::downgrade(t)));
}
pub fn generator(g: &Rc<Generator>) {
    register(WeakValue::Generator(Rc::downgrade(g)));
}
/// Native objects whose data holds values the collector must see (`vm::gc` knows
/// how to traverse each kind registered here).
pub fn object(o: &Rc<Object>) {
    register(WeakValue::Object(Rc::downgrade(o)));
}

fn could_be_in_cycle(v: &Value) -> bool {
    !matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::BigInt(_)
            | Value::Null
    )
}

/// Take the registry for a collection (dead entries are dropped by the caller).
pub fn take_all() -> Vec<WeakValue> {
    REGISTRY.with(|r| std::mem::take(&mut *r.borrow_mut()))
}

/// Put back the survivors and set the next automatic collection point.
pub fn restore(survivors: Vec<WeakValue>) {
    let live = survivors.len();
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let newer = std::mem::take(&mut *r);
        *r = survivors;
        r.extend(newer);
        // What a collection dropped need not stay reserved.
        let len = r.len();
        if r.capacity() > 4 * len {
            r.shrink_to(2 * len);
        }
    });
    YOUNG_START.with(|y| y.set(live));
    STARVED.with(|s| s.set(false));
    // Amortised: the next automatic collection waits for as many new objects as
    // survived, so the total work stays linear in allocations.
    THRESHOLD.with(|t| t.set((live * 2).max(MIN_THRESHOLD)));
}

pub fn set_enabled(on: bool) {
    ENABLED.with(|e| e.set(on));
}

pub fn is_enabled() -> bool {
    ENABLED.with(|e| e.get())
}

pub fn count() -> usize {
    REGISTRY.with(|r| r.borrow().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dead_entries_are_swept_with_the_collector_on_or_off() {
        for enabled in [true, false] {
            set_enabled(enabled);
            for _ in 0..100_000 {
                drop(Dict::new_rc());
            }
            // Without sweeping, all 100,000 dead dicts would still be registered.
            assert!(count() <= MIN_THRESHOLD + SWEEP_EVERY, "{}", count());
        }
        set_enabled(true);
    }
}
