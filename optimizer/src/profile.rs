//! What the interpreter observed before a loop was compiled: its inline caches are
//! the profile (as CPython's tier 2 reads tier 1's). Only predictions come from
//! here; compiled code guards each one.
//!
//! Depends on core's code objects and their caches.

use tripwire_core::code::{AttrKind, Cache, Code};
use tripwire_core::object::Value;

/// The Python function the method load at `pc` found, when its cache holds exactly
/// one class, whose attribute is a plain function.
pub fn method_seen(code: &Code, pc: u32) -> Option<Value> {
    let caches = code.caches.borrow();
    match caches.get(pc as usize)? {
        Cache::Attr { first, more }
            if more.is_empty()
                && first.kind == AttrKind::Method
                && matches!(first.attr, Value::Function(_)) =>
        {
            Some(first.attr.clone())
        }
        _ => None,
    }
}
