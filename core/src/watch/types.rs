//! Type events: a class is about to change (an attribute set or deleted).
//!
//! As CPython 3.13: the watched subclasses hear first, deepest first, then the type
//! itself; a type only sends an event while it holds a version tag, and the change
//! takes the tag away, so further changes are aggregated into that one event until a
//! lookup through the type assigns a new tag. Tags are taken away unconditionally,
//! event or not, so attribute caches never outlive a change.

use super::{watching, TypeEvent};
use crate::object::TypeRef;
use crate::vm::Vm;

impl Vm {
    /// `t` (and so every subclass) is about to be modified.
    pub fn type_will_change(&mut self, t: &TypeRef) {
        for sub in t.live_subclasses() {
            self.type_will_change(&sub);
        }
        if watching(&t.watch_mask) && t.raw_version() != 0 {
            self.dispatch_type(t.watch_mask.bits(), TypeEvent { ty: t.clone() });
        }
        t.clear_version();
    }
}
