//! The deaths of weakly referenced objects, as weak references see them.
//!
//! When the last reference to a marked object goes (`object::weakref`), every weak
//! reference to it is cleared on the spot and the callbacks are queued with the
//! finalizers, to run at the next instruction boundary (a destructor cannot run
//! Python code). The cycle collector clears the weak references to its garbage
//! before anything else and calls the callbacks of those that are not garbage
//! themselves, as CPython's `handle_weakrefs` does.

use super::finalize::{enqueue, Pending};
use super::Vm;
use crate::object::weakref::{clear_referent, mark_of};
use crate::object::Value;
use hashbrown::HashSet;

/// Called from the destructor of a marked object at `addr`.
#[cold]
#[inline(never)]
pub fn referent_dying(addr: usize) {
    for (handle, callback) in clear_referent(addr) {
        enqueue(Pending::WeakrefCallback(handle, callback));
    }
}

impl Vm {
    /// Call a weak reference's callback with the reference; an exception is
    /// reported as unraisable, as CPython does.
    pub(crate) fn call_weakref_callback(&mut self, handle: Value, callback: Value) {
        if let Err(e) = self.call(&callback, &[handle], &[]) {
            let what = match self.repr(&callback) {
                Ok(s) => s.as_str().to_string(),
                Err(_) => format!("<{} object>", self.type_name(&callback)),
            };
            self.report_unraisable(&what, e);
        }
    }

    /// Clear the weak references to the cycle collector's `garbage` and call the
    /// callbacks of those that survive it.
    pub(super) fn clear_weakrefs_to_garbage(&mut self, garbage: &[Value]) {
        let marked: Vec<usize> = garbage
            .iter()
            .filter(|v| mark_of(v).is_some_and(|m| m.is_set()))
            .filter_map(Value::ptr)
            .collect();
        if marked.is_empty() {
            return;
        }
        let doomed: HashSet<usize> = garbage.iter().filter_map(Value::ptr).collect();
        let mut due = Vec::new();
        for addr in marked {
            due.extend(
                clear_referent(addr)
                    .into_iter()
                    .filter(|(handle, _)| handle.ptr().is_some_and(|p| !doomed.contains(&p))),
            );
        }
        for (handle, callback) in due {
            self.call_weakref_callback(handle, callback);
        }
    }
}
