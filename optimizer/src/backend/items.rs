//! Item access a unit makes without the interpreter: list, tuple, str, bytes and
//! bytearray items by int index, dict items and membership in dicts and sets by
//! a key whose hash and equality run no Python code (a str, an int, a float,
//! None, or a tuple of those: core's `plain_hash`), membership in strs. Each answers `None` (the op takes its slow
//! path or exits) wherever Python code could run: a key whose equality needs
//! `__eq__`, a watched dict (its watchers are Python code), a missing key (the
//! interpreter raises the KeyError, or calls `__missing__`).
//!
//! Depends on core's values and dicts only.

use tripwire_core::builtins::str::{code_point_str, contains as str_contains};
use tripwire_core::object::dict::{Dict, Probe};
use tripwire_core::object::{ObjKind, Set, Value};
use tripwire_core::vm::ops::plain_hash;
use tripwire_core::watch::watching;

/// Where index `i` (negative from the end) falls in a sequence of `len` items; may
/// be past the end, which the caller's lookup refuses.
#[inline(always)]
fn position(i: i64, len: usize) -> Option<usize> {
    usize::try_from(if i < 0 { i + len as i64 } else { i }).ok()
}

/// Item `i` of a sequence (negative from the end), if in range.
pub fn item_at(items: &[Value], i: i64) -> Option<Value> {
    position(i, items.len())
        .and_then(|j| items.get(j))
        .map(Value::dup)
}

/// Item `i` (negative from the end) of a str (a character), a bytes or a
/// bytearray (an int), if in range.
#[inline(never)]
pub fn text_item(o: &Value, i: i64) -> Option<Value> {
    match o {
        Value::Str(s) => {
            let cp = position(i, s.char_len()).and_then(|j| s.code_point_at(j))?;
            Some(code_point_str(cp))
        }
        Value::Obj(o) => {
            let byte = |bytes: &[u8]| position(i, bytes.len()).and_then(|j| bytes.get(j)).copied();
            let b = match &o.kind {
                ObjKind::Bytes(b) => byte(b),
                ObjKind::ByteArray(a) => byte(&a.data.borrow()),
                _ => None,
            }?;
            Some(Value::Int(i64::from(b)))
        }
        _ => None,
    }
}

/// `d[key]` for a key of `plain_hash`, if present.
pub fn dict_item(d: &Dict, key: &Value) -> Option<Value> {
    match d.probe(plain_hash(key)?, key) {
        Probe::Found(at) => Some(d.value_at(at)),
        _ => None,
    }
}

/// `d[key] = value` for an unwatched dict and a key of `plain_hash`; gives the value
/// back where the interpreter must do it (or raise MemoryError).
pub fn set_dict_item(d: &Dict, key: &Value, value: Value) -> Result<(), Value> {
    let Some(hash) = plain_hash(key).filter(|_| !watching(&d.watch_mask)) else {
        return Err(value);
    };
    match d.probe(hash, key) {
        Probe::Found(at) => drop(d.replace_at(at, value)),
        Probe::Missing if d.reserve_one() => d.insert_new(hash, key.clone(), value),
        _ => return Err(value),
    }
    Ok(())
}

/// `item in container` for a dict or a set and a key of `plain_hash`, or a str in
/// a str.
pub fn contains(container: &Value, item: &Value) -> Option<bool> {
    let probe = match container {
        Value::Dict(d) => d.probe(plain_hash(item)?, item),
        Value::Set(s) => s.probe(plain_hash(item)?, item),
        Value::Str(s) => match item {
            Value::Str(sub) => return Some(str_contains(s, sub)),
            _ => return None,
        },
        _ => return None,
    };
    match probe {
        Probe::Found(_) => Some(true),
        Probe::Missing => Some(false),
        Probe::Candidates(_) => None,
    }
}

/// `s.add(item)` for an item of `plain_hash`; false where the interpreter must do
/// it (or raise MemoryError).
pub fn add_to_set(s: &Set, item: &Value) -> bool {
    let Some(hash) = plain_hash(item) else {
        return false;
    };
    match s.probe(hash, item) {
        Probe::Found(_) => true,
        Probe::Missing => s.insert_absent(hash, item.clone()).is_ok(),
        Probe::Candidates(_) => false,
    }
}
