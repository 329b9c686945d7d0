//! Inline caches for attribute instructions on instances of Python classes.
//!
//! An attribute instruction that sees an instance specialises itself to the class's
//! version tag: afterwards a hit costs one tag compare plus the instance-dict probe
//! (no MRO walk, no descriptor analysis). Any change to the class or its bases drops
//! the tag, so stale entries miss and are refilled.

use super::{PyResult, Vm};
use crate::code::{AttrCache, Cache, ATTR_WAYS};
use crate::object::{ObjKind, PyStr, Value};

/// Whether a class attribute is a data descriptor defined in Python (its caching
/// would need the descriptor's own protocol).
fn is_python_descriptor(vm: &Vm, attr: &Value) -> bool {
    matches!(attr, Value::Instance(_)) && {
        let t = vm.type_of(attr);
        t.lookup(&vm.names.d_get).is_some() || t.lookup(&vm.names.d_set).is_some()
    }
}

impl Vm {
    /// A cache entry for loading `name` from `obj`, if the access can be cached.
    pub fn specialize_load(
        &self,
        obj: &Value,
        name: &PyStr,
        method: bool,
    ) -> Option<(u32, AttrCache)> {
        let Value::Instance(inst) = obj else {
            return None;
        };
        let cls = inst.cls();
        if matches!(
            cls.lookup(&self.names.getattribute),
            Some(Value::Function(_))
        ) {
            return None;
        }
        let type_version = cls.version();
        if type_version == 0 {
            return None;
        }
        let attr = cls.lookup(name);
        let kind = match attr {
            None => AttrCache::Dict(None),
            Some(Value::Obj(o)) => match &o.kind {
                ObjKind::Property { fget, .. } => AttrCache::Property(fget.clone()),
                ObjKind::SlotDescriptor { index, .. } => AttrCache::Slot(*index),
                _ => AttrCache::Dict(Some(Value::Obj(o.clone()))),
            },
            Some(f @ Value::Function(_)) if method => AttrCache::Method(f),
            Some(v) if is_python_descriptor(self, &v) => return None,
            Some(v) => AttrCache::Dict(Some(v)),
        };
        Some((type_version, kind))
    }

    /// A cache entry for storing `name` on `obj`, if the access can be cached.
    pub fn specialize_store(&self, obj: &Value, name: &PyStr) -> Option<(u32, AttrCache)> {
        let Value::Instance(inst) = obj else {
            return None;
        };
        let cls = inst.cls();
        if matches!(cls.lookup(&self.names.setattr), Some(Value::Function(_))) {
            return None;
        }
        if inst.exc().is_some() || name.as_str() == "__class__" {
            return None;
        }
        let type_version = cls.version();
        if type_version == 0 {
            return None;
        }
        let kind = match cls.lookup(name) {
            None => AttrCache::StoreDict,
            Some(Value::Obj(o)) => match &o.kind {
                ObjKind::Property { fset, .. } if !fset.is_none() => {
                    AttrCache::StoreProperty(fset.clone())
                }
                ObjKind::SlotDescriptor { index, .. } => AttrCache::Slot(*index),
                ObjKind::Property { .. } => return None,
                _ => AttrCache::StoreDict,
            },
            Some(v) if is_python_descriptor(self, &v) => return None,
            Some(_) => AttrCache::StoreDict,
        };
        if matches!(kind, AttrCache::StoreDict) && inst.dict.is_none() {
            return None;
        }
        Some((type_version, kind))
    }

    /// Load through a cache entry; None means "take the slow path".
    #[inline]
    pub fn cached_load(
        &mut self,
        obj: &Value,
        name: &PyStr,
        kind: &AttrCache,
    ) -> Option<PyResult<Value>> {
        let Value::Instance(inst) = obj else {
            return None;
        };
        match kind {
            AttrCache::Dict(class_attr) => {
                if let Some(v) = inst.dict.as_ref().and_then(|d| d.get_str(name)) {
                    return Some(Ok(v));
                }
                let attr = class_attr.clone()?;
                Some(self.bind_descriptor(attr, obj))
            }
            AttrCache::Method(f) => {
                if let Some(v) = inst.dict.as_ref().and_then(|d| d.get_str(name)) {
                    return Some(Ok(v));
                }
                Some(self.bind_descriptor(f.clone(), obj))
            }
            AttrCache::Property(fget) => {
                let fget = fget.clone();
                Some(self.call(&fget, std::slice::from_ref(obj), &[]))
            }
            AttrCache::Slot(i) => {
                let v = inst
                    .slots
                    .borrow()
                    .get(*i)
                    .cloned()
                    .filter(|v| !v.is_null())?;
                Some(Ok(v))
            }
            AttrCache::StoreDict | AttrCache::StoreProperty(_) => None,
        }
    }

    /// Store through a cache entry; false means "take the slow path" (the value is
    /// handed back).
    #[inline]
    pub fn cached_store(
        &mut self,
        obj: &Value,
        name: &std::rc::Rc<PyStr>,
        value: Value,
        kind: &AttrCache,
    ) -> Result<PyResult<()>, Value> {
        let Value::Instance(inst) = obj else {
            return Err(value);
        };
        match kind {
            AttrCache::StoreDict => match &inst.dict {
                Some(d) => {
                    self.dict_will_set_str(d, name, &value);
                    let old = d.set_str(name.clone(), value);
                    drop(old);
                    Ok(Ok(()))
                }
                None => Err(value),
            },
            AttrCache::StoreProperty(fset) => {
                let fset = fset.clone();
                Ok(self.call(&fset, &[obj.clone(), value], &[]).map(|_| ()))
            }
            AttrCache::Slot(i) => {
                let mut slots = inst.slots.borrow_mut();
                if *i >= slots.len() {
                    slots.resize(*i + 1, Value::Null);
                }
                let old = std::mem::replace(&mut slots[*i], value);
                drop(slots);
                drop(old);
                Ok(Ok(()))
            }
            _ => Err(value),
        }
    }
}

/// Remember `entry` in an attribute instruction's cache.
pub fn remember(cache: &mut Cache, entry: (u32, AttrCache)) {
    match cache {
        Cache::Attr(entries) => {
            if let Some(e) = entries.iter_mut().find(|e| e.0 == entry.0) {
                *e = entry;
            } else if entries.len() < ATTR_WAYS {
                entries.push(entry);
            } else {
                // Full: the newest class replaces the oldest.
                entries.remove(0);
                entries.push(entry);
            }
        }
        other => *other = Cache::Attr(vec![entry]),
    }
}

/// The version tag of an instance's class, if the value is an instance.
#[inline]
pub fn instance_type_version(v: &Value) -> u32 {
    match v {
        Value::Instance(i) => i.cls.borrow().raw_version(),
        _ => 0,
    }
}
