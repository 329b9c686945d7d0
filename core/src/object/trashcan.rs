//! Bounded-depth destruction of nested containers.
//!
//! Dropping a list that holds a list that holds a list... would recurse once per level
//! in Rust and overflow the native stack on a long chain (CPython's "trashcan" solves
//! the same problem). Containers hand their contents to `release`; past a nesting
//! depth the contents are parked and destroyed iteratively by the outermost release.

use super::Value;
use std::cell::{Cell, RefCell};

const MAX_DEPTH: u32 = 64;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static PARKED: std::mem::ManuallyDrop<RefCell<Vec<Vec<Value>>>> =
        const { std::mem::ManuallyDrop::new(RefCell::new(Vec::new())) };
    /// Whether `PARKED` may hold anything: almost every release is shallow, and
    /// this spares the outermost level a look at the vector.
    static ANY_PARKED: Cell<bool> = const { Cell::new(false) };
}

/// Drop the contents of a dying container.
pub fn release(items: Vec<Value>) {
    match enter() {
        Some(_level) => drop(items),
        None => park(items),
    }
}

/// One nesting level of destruction, while a container drops its contents; `None`
/// past the limit, where the caller parks them instead.
#[inline(always)]
pub fn enter() -> Option<Level> {
    let depth = DEPTH.with(|d| d.get());
    if depth >= MAX_DEPTH {
        return None;
    }
    DEPTH.with(|d| d.set(depth + 1));
    Some(Level { depth })
}

/// Hand over contents to be dropped by the outermost level.
pub fn park(items: Vec<Value>) {
    ANY_PARKED.with(|a| a.set(true));
    PARKED.with(|p| p.borrow_mut().push(items));
}

/// Leaving a level; the outermost one drops what deeper levels parked.
pub struct Level {
    depth: u32,
}

impl Drop for Level {
    #[inline(always)]
    fn drop(&mut self) {
        if self.depth == 0 && ANY_PARKED.with(|a| a.get()) {
            while let Some(batch) = PARKED.with(|p| p.borrow_mut().pop()) {
                drop(batch);
            }
            ANY_PARKED.with(|a| a.set(false));
        }
        DEPTH.with(|d| d.set(self.depth));
    }
}
