//! Dict events, emitted before the mutation by the vm-level mutation points.
//!
//! Every store, delete, clear and merge that can reach a dict Python code can see
//! calls one of the `dict_will_*` methods first: when the dict's watch mask is empty
//! that is one test; otherwise the event is worked out (ADDED or MODIFIED, no event
//! for storing the very same object, nothing for deleting a missing key) and
//! dispatched. The caller looks the key up after the callbacks returned, so a
//! callback that mutates the dict it is told about cannot leave the caller with a
//! stale entry index: its own mutations (which send their own events) happen first,
//! then the pending mutation is applied to the table as it then is.

use super::{watching, DictEvent, DictEventKind};
use crate::object::{Dict, PyStr, Value};
use crate::vm::Vm;
use std::rc::Rc;

impl Vm {
    /// `d[key] = value` is about to happen.
    #[inline(always)]
    pub fn dict_will_store(&mut self, d: &Rc<Dict>, key: &Value, value: &Value) {
        if watching(&d.watch_mask) {
            self.dict_store_event(d, key, value);
        }
    }

    /// `d[name] = value` (a str key) is about to happen.
    #[inline(always)]
    pub fn dict_will_set_str(&mut self, d: &Rc<Dict>, name: &Rc<PyStr>, value: &Value) {
        if watching(&d.watch_mask) {
            self.dict_store_event(d, &Value::Str(name.clone()), value);
        }
    }

    /// `del d[key]` (or pop) is about to happen; no event if the key is missing.
    #[inline(always)]
    pub fn dict_will_delete(&mut self, d: &Rc<Dict>, key: &Value) {
        if watching(&d.watch_mask) {
            self.dict_delete_event(d, key);
        }
    }

    /// `del d[name]` with a str key.
    #[inline(always)]
    pub fn dict_will_del_str(&mut self, d: &Rc<Dict>, name: &Rc<PyStr>) {
        if watching(&d.watch_mask) {
            self.dict_delete_event(d, &Value::Str(name.clone()));
        }
    }

    /// `del d[name]` with its event: the removed value, None if `name` is missing.
    pub fn dict_del_str_notified(&mut self, d: &Rc<Dict>, name: &Rc<PyStr>) -> Option<Value> {
        self.dict_will_del_str(d, name);
        d.del_str(name)
    }

    /// `d.clear()`; no event for a dict that holds no table.
    #[inline(always)]
    pub fn dict_will_clear(&mut self, d: &Rc<Dict>) {
        if watching(&d.watch_mask) && d.has_table() {
            self.dispatch_dict(
                d.watch_mask.bits(),
                DictEvent {
                    kind: DictEventKind::Cleared,
                    dict: d.clone(),
                    key: None,
                    value: None,
                },
            );
        }
    }

    /// `d.update(src)` into an empty `d` from a non-empty plain dict: one CLONED
    /// event instead of one ADDED per key. Returns whether it was sent (the caller
    /// then stores without per-key events).
    pub fn dict_will_clone(&mut self, d: &Rc<Dict>, src: &Rc<Dict>) -> bool {
        if !watching(&d.watch_mask) || !d.is_empty() || src.is_empty() || Rc::ptr_eq(d, src) {
            return false;
        }
        self.dispatch_dict(
            d.watch_mask.bits(),
            DictEvent {
                kind: DictEventKind::Cloned,
                dict: d.clone(),
                key: Some(Value::Dict(src.clone())),
                value: None,
            },
        );
        true
    }

    /// Whether a change of `key` in the watched dict `d` reaches any watcher: not
    /// when all of `d`'s watchers hear only keys they named, and none named it.
    #[inline(always)]
    fn key_heard(&self, d: &Dict, key: &Value) -> bool {
        let Value::Str(s) = key else {
            return true;
        };
        d.watch_mask.bits() & !self.watch.registries.dict.named_keys_only() != 0
            || d.watch_mask.may_have_named(s.hash())
    }

    #[cold]
    #[inline(never)]
    fn dict_store_event(&mut self, d: &Rc<Dict>, key: &Value, value: &Value) {
        if !self.key_heard(d, key) {
            return;
        }
        let old = match key {
            Value::Str(s) => d.get_str(s),
            // A key whose hash or `__eq__` fails gets no event: the store raises.
            _ => match self.dict_lookup(d, key) {
                Ok(old) => old,
                Err(_) => return,
            },
        };
        let kind = match old {
            Some(old) if old.is(value) => return,
            Some(_) => DictEventKind::Modified,
            None => DictEventKind::Added,
        };
        self.dispatch_dict(
            d.watch_mask.bits(),
            DictEvent {
                kind,
                dict: d.clone(),
                key: Some(key.clone()),
                value: Some(value.clone()),
            },
        );
    }

    #[cold]
    #[inline(never)]
    fn dict_delete_event(&mut self, d: &Rc<Dict>, key: &Value) {
        if !self.key_heard(d, key) {
            return;
        }
        let present = match key {
            Value::Str(s) => d.find_str(s).is_some(),
            _ => matches!(self.dict_lookup(d, key), Ok(Some(_))),
        };
        if present {
            self.dispatch_dict(
                d.watch_mask.bits(),
                DictEvent {
                    kind: DictEventKind::Deleted,
                    dict: d.clone(),
                    key: Some(key.clone()),
                    value: None,
                },
            );
        }
    }
}
