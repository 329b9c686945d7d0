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
}

/// Drop the contents of a dying container.
pub fn release(items: Vec<Value>) {
    let depth = DEPTH.with(|d| d.get());
    if depth >= MAX_DEPTH {
        PARKED.with(|p| p.borrow_mut().push(items));
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    drop(items);
    if depth == 0 {
        while let Some(batch) = PARKED.with(|p| p.borrow_mut().pop()) {
            drop(batch);
        }
    }
    DEPTH.with(|d| d.set(depth));
}
