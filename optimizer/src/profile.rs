//! What the interpreter observed before a loop was compiled: its inline caches are
//! the profile (as CPython's tier 2 reads tier 1's). Only predictions come from
//! here; compiled code guards each one.
//!
//! Depends on core's code objects and their caches.

use tripwire_core::code::{AttrKind, Cache, Code};
use tripwire_core::object::types::TypeRef;
use tripwire_core::object::Value;

/// The Python functions the method load at `pc` found, one for each class its
/// cache holds (a function several classes share once), when each class's
/// attribute is a plain function; none otherwise. More than one: a polymorphic
/// call site.
pub fn methods_seen(code: &Code, pc: u32) -> Vec<Value> {
    let caches = code.caches.borrow();
    let Some(Cache::Attr { first, more }) = caches.get(pc as usize) else {
        return Vec::new();
    };
    let mut seen: Vec<Value> = Vec::new();
    for entry in std::iter::once(first).chain(more) {
        if entry.kind != AttrKind::Method || !matches!(entry.attr, Value::Function(_)) {
            return Vec::new();
        }
        if !seen.iter().any(|f| f.is(&entry.attr)) {
            seen.push(entry.attr.clone());
        }
    }
    seen
}

/// The Python function the attribute load at `pc` called as a property getter,
/// when every class its cache holds found that property (a subclass's receivers
/// share it); none otherwise.
pub fn getter_seen(code: &Code, pc: u32) -> Option<Value> {
    let caches = code.caches.borrow();
    let Some(Cache::Attr { first, more }) = caches.get(pc as usize) else {
        return None;
    };
    let getter = &first.attr;
    let all = std::iter::once(first)
        .chain(more)
        .all(|e| e.kind == AttrKind::Property && e.attr.is(getter));
    (all && matches!(getter, Value::Function(_))).then(|| getter.clone())
}

/// Whether the instruction at `pc` has no cache entry: it has not run, or its
/// receivers were never of a kind the interpreter specialises for.
pub fn unprofiled(code: &Code, pc: u32) -> bool {
    matches!(
        code.caches.borrow().get(pc as usize),
        None | Some(Cache::Empty)
    )
}

/// The classes of the operands the binary operator at `pc` met the first time one
/// was an instance of a Python class, while both classes live.
pub fn operands_seen(code: &Code, pc: u32) -> Option<(TypeRef, TypeRef)> {
    let caches = code.caches.borrow();
    let Some(Cache::Operands { left, right }) = caches.get(pc as usize) else {
        return None;
    };
    Some((left.upgrade()?, right.upgrade()?))
}
