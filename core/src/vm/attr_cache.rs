//! Inline caches for attribute instructions on instances of Python classes.
//!
//! An attribute instruction that sees an instance specialises itself to the class's
//! version tag: afterwards a hit costs one tag compare plus the instance-dict probe
//! (no MRO walk, no descriptor analysis). Any change to the class or its bases drops
//! the tag, so stale entries miss and are refilled.

use super::builtin_types::{borrowed_type_of, type_of, BuiltinTypes};
use super::{PyResult, Vm};
use crate::code::{AttrEntry, AttrKind, Cache, Code, ATTR_WAYS};
use crate::object::{ObjKind, PyStr, Value};
use std::rc::Rc;

/// Whether a class attribute is a data descriptor defined in Python (its caching
/// would need the descriptor's own protocol).
fn is_python_descriptor(vm: &Vm, attr: &Value) -> bool {
    matches!(attr, Value::Instance(_)) && {
        let t = vm.type_of(attr);
        t.lookup(&vm.names.d_get).is_some() || t.lookup(&vm.names.d_set).is_some()
    }
}

/// The kind of attribute instruction being specialised.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Load,
    Method,
    Store,
}

impl Vm {
    /// After a general-path access of `obj.name` by instruction `at`: remember what
    /// the class says about `name`, so the next access by an instance of the same
    /// class takes the cache.
    pub fn specialize(&self, code: &Code, at: usize, obj: &Value, name: &PyStr, access: Access) {
        if let (Value::Module(m), Access::Load | Access::Method) = (obj, access) {
            self.specialize_module(code, at, m, name);
            return;
        }
        let entry = match access {
            Access::Load => self.specialize_load(obj, name, false),
            Access::Method => self.specialize_load(obj, name, true),
            Access::Store => self.specialize_store(obj, name),
        };
        if let Some(entry) = entry {
            if let Some(cache) = code.caches.borrow_mut().get_mut(at) {
                remember(cache, entry);
            }
        }
    }

    /// Remember a module attribute found in the module's dict, unless the module
    /// type has an attribute of that name (a descriptor such as `__dict__` would
    /// take precedence over the dict).
    fn specialize_module(&self, code: &Code, at: usize, m: &crate::object::Module, name: &PyStr) {
        if m.cls.borrow().is_some() || self.types.module.lookup(name).is_some() {
            return;
        }
        let Some(value) = m.dict.get_str(name) else {
            return;
        };
        if let Some(cache) = code.caches.borrow_mut().get_mut(at) {
            *cache = Cache::Module {
                dict_version: m.dict.version(),
                value: crate::code::DictHeld::new(&value),
            };
        }
    }

    /// A cache entry for loading `name` from `obj`, if the access can be cached.
    pub fn specialize_load(&self, obj: &Value, name: &PyStr, method: bool) -> Option<AttrEntry> {
        let Value::Instance(inst) = obj else {
            return self.specialize_builtin_method(obj, name, method);
        };
        let cls = inst.cls();
        if matches!(
            cls.lookup(&self.names.getattribute),
            Some(Value::Function(_))
        ) {
            return None;
        }
        let version = cls.version();
        let entry = |kind, attr| Some(AttrEntry::new(version, kind, attr));
        match cls.lookup(name) {
            None => entry(AttrKind::Dict, Value::Null),
            Some(Value::Obj(o)) => match &o.kind {
                ObjKind::Property { fget, .. } => entry(AttrKind::Property, fget.clone()),
                ObjKind::SlotDescriptor { index, .. } => AttrEntry::slot(version, *index),
                _ => entry(AttrKind::Dict, Value::Obj(o.clone())),
            },
            Some(f @ Value::Function(_)) if method => entry(AttrKind::Method, f),
            Some(v) if is_python_descriptor(self, &v) => None,
            Some(v) => entry(AttrKind::Dict, v),
        }
    }

    /// A cache entry for LoadMethod on a value of a built-in type: the type's method
    /// (built-in types never change, so the entry stays valid).
    fn specialize_builtin_method(
        &self,
        obj: &Value,
        name: &PyStr,
        method: bool,
    ) -> Option<AttrEntry> {
        if !method || !has_plain_type_lookup(obj) {
            return None;
        }
        let cls = self.type_of(obj);
        match cls.lookup(name)? {
            f @ Value::Builtin(_) if is_unbound_method(&f) => {
                Some(AttrEntry::new(cls.version(), AttrKind::Method, f))
            }
            _ => None,
        }
    }

    /// A cache entry for storing `name` on `obj`, if the access can be cached.
    pub fn specialize_store(&self, obj: &Value, name: &PyStr) -> Option<AttrEntry> {
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
        let version = cls.version();
        let store_dict = || {
            inst.dict
                .is_some()
                .then(|| AttrEntry::new(version, AttrKind::StoreDict, Value::Null))
        };
        match cls.lookup(name) {
            None => store_dict(),
            Some(Value::Obj(o)) => match &o.kind {
                ObjKind::Property { fset, .. } if !fset.is_none() => Some(AttrEntry::new(
                    version,
                    AttrKind::StoreProperty,
                    fset.clone(),
                )),
                ObjKind::SlotDescriptor { index, .. } => AttrEntry::slot(version, *index),
                ObjKind::Property { .. } => None,
                _ => store_dict(),
            },
            Some(v) if is_python_descriptor(self, &v) => None,
            Some(_) => store_dict(),
        }
    }
}

/// Remember `entry` in an attribute instruction's cache.
pub fn remember(cache: &mut Cache, entry: AttrEntry) {
    // An unversioned class (tag 0) must find nothing (see `entry`).
    if entry.version == 0 {
        return;
    }
    match cache {
        Cache::Attr { first, more } => {
            if first.version == entry.version {
                *first = entry;
            } else if let Some(e) = more.iter_mut().find(|e| e.version == entry.version) {
                *e = entry;
            } else if more.len() + 1 < ATTR_WAYS {
                more.push(entry);
            } else {
                // Full: the newest class replaces the oldest.
                *first = more.remove(0);
                more.push(entry);
            }
        }
        other => {
            *other = Cache::Attr {
                first: entry,
                more: Vec::new(),
            }
        }
    }
}

/// What an attribute instruction's cache answers for one load, worked out while the
/// cache is borrowed: no Python code runs, and only the answer is cloned.
pub enum Probe {
    /// The attribute's value.
    Found(Value),
    /// A class attribute, to bind to the instance through its descriptor protocol.
    Bind(Value),
    /// LoadMethod: a plain function of the class, to call with the instance as self.
    Method(Value),
    /// A property getter, to call with the instance.
    Getter(Value),
    /// No entry for this class: take the general path.
    Miss,
}

/// The cache entry of instruction `at` for the class with this version tag. An
/// unversioned class (tag 0) finds nothing: `remember` never stores tag 0.
#[inline(always)]
fn entry(caches: &[Cache], at: usize, version: u32) -> Option<&AttrEntry> {
    match caches.get(at)? {
        Cache::Attr { first, more } => {
            if first.version == version {
                Some(first)
            } else {
                more.iter().find(|e| e.version == version)
            }
        }
        _ => None,
    }
}

/// Whether a method of `obj` is found by a plain lookup on its type (not on a class
/// or module object, nor through `super()`).
fn has_plain_type_lookup(obj: &Value) -> bool {
    match obj {
        Value::Type(_) | Value::Module(_) | Value::Null => false,
        Value::Obj(o) => !matches!(o.kind, ObjKind::Super { .. }),
        _ => true,
    }
}

fn is_unbound_method(f: &Value) -> bool {
    matches!(f, Value::Builtin(b) if b.kind.binds())
}

/// Load `name` from `obj` through the cache of instruction `at`.
#[inline(always)]
pub fn probe_load(
    types: &BuiltinTypes,
    code: &Code,
    at: usize,
    obj: &Value,
    name: &PyStr,
) -> Probe {
    let Value::Instance(inst) = obj else {
        if let Value::Module(m) = obj {
            return match code.caches.borrow().get(at) {
                Some(Cache::Module {
                    dict_version,
                    value,
                }) if *dict_version == m.dict.version() => {
                    // SAFETY: the module's dict still has the version the value
                    // was read under.
                    Probe::Found(unsafe { value.get() })
                }
                _ => Probe::Miss,
            };
        }
        if !has_plain_type_lookup(obj) {
            return Probe::Miss;
        }
        let version = match borrowed_type_of(types, obj) {
            Some(t) => t.raw_version(),
            None => type_of(types, obj).raw_version(),
        };
        let caches = code.caches.borrow();
        return match entry(&caches, at, version) {
            Some(e) if e.kind == AttrKind::Method => Probe::Method(e.attr.dup()),
            _ => Probe::Miss,
        };
    };
    let caches = code.caches.borrow();
    let Some(e) = entry(&caches, at, inst.cls.borrow().raw_version()) else {
        return Probe::Miss;
    };
    match e.kind {
        AttrKind::Dict => {
            if let Some(v) = inst
                .dict
                .as_ref()
                .and_then(|d| d.get_str_hinted(name, &e.index))
            {
                return Probe::Found(v);
            }
            if e.attr.is_null() {
                Probe::Miss
            } else {
                Probe::Bind(e.attr.dup())
            }
        }
        AttrKind::Method => match inst.dict.as_ref().and_then(|d| d.get_str(name)) {
            Some(shadowing) => Probe::Found(shadowing),
            None => Probe::Method(e.attr.dup()),
        },
        AttrKind::Property => Probe::Getter(e.attr.dup()),
        AttrKind::Slot => match inst.slots.borrow().get(e.index.get() as usize) {
            Some(v) if !v.is_null() => Probe::Found(v.dup()),
            _ => Probe::Miss,
        },
        AttrKind::StoreDict | AttrKind::StoreProperty => Probe::Miss,
    }
}

/// What a store through the cache did.
pub enum Stored {
    /// Stored; the value the attribute held before, to release outside the borrow.
    Done(Option<Value>),
    /// A property setter, to call with the instance and the value.
    Setter(Value, Value),
    /// No entry for this class: take the general path with the value handed back.
    Miss(Value),
}

/// Store `value` as `obj.name` through the cache of instruction `at`.
#[inline]
pub fn probe_store(code: &Code, at: usize, obj: &Value, name: &Rc<PyStr>, value: Value) -> Stored {
    let Value::Instance(inst) = obj else {
        return Stored::Miss(value);
    };
    let caches = code.caches.borrow();
    let Some(e) = entry(&caches, at, inst.cls.borrow().raw_version()) else {
        return Stored::Miss(value);
    };
    match e.kind {
        // A watched dict takes the general path, which tells its watchers.
        AttrKind::StoreDict => match &inst.dict {
            Some(d) if !crate::watch::watching(&d.watch_mask) => {
                Stored::Done(d.set_str_hinted(name, value, &e.index))
            }
            _ => Stored::Miss(value),
        },
        AttrKind::StoreProperty => Stored::Setter(e.attr.dup(), value),
        AttrKind::Slot => {
            let i = e.index.get() as usize;
            let mut slots = inst.slots.borrow_mut();
            super::attr::grow_slots(&mut slots, i);
            Stored::Done(Some(Value::replace_split(&mut slots[i], value)))
        }
        AttrKind::Dict | AttrKind::Method | AttrKind::Property => Stored::Miss(value),
    }
}

/// Where an attribute instruction finds its object on the value stack.
#[derive(Clone, Copy)]
pub(super) enum Subject {
    /// On top of the stack, consumed by the instruction (`LoadAttr`, `LoadMethod`).
    Top,
    /// In a local slot, left in place (the fused `LoadFastAttr`, `LoadFastMethod`).
    Local(usize),
}

impl Vm {
    /// The stack slot holding the subject.
    #[inline(always)]
    fn subject_slot(&self, subject: Subject) -> usize {
        match subject {
            Subject::Top => self.stack.len() - 1,
            Subject::Local(slot) => slot,
        }
    }

    /// Probe the cache of instruction `at` with the subject where it lies. The object
    /// is only borrowed: a hit that yields a value needs no reference to it, and
    /// moving it out first (a 16-byte copy of two freshly stored halves) stalls.
    #[inline(always)]
    fn probe_subject(&self, code: &Code, at: usize, slot: usize, name_index: u32) -> Probe {
        debug_assert!(slot < self.stack.len() && (name_index as usize) < code.names.len());
        // SAFETY: the subject is the instruction's operand or a local of the running
        // frame (see `Vm::local`), and the compiler emits name indices into the table.
        let (obj, name) = unsafe {
            (
                self.stack.get_unchecked(slot),
                code.names.get_unchecked(name_index as usize),
            )
        };
        probe_load(self.types, code, at, obj, name)
    }

    /// The subject as an owned value: popped off the top, or a new reference to the
    /// local.
    #[inline(always)]
    fn take_subject(&mut self, subject: Subject, slot: usize) -> Value {
        match subject {
            Subject::Top => self.pop(),
            Subject::Local(_) => self.stack[slot].dup(),
        }
    }

    /// The `LoadAttr` instruction at `at` (alone or fused after a `LoadFast`): push
    /// `obj.name`. True when a Python property getter's frame was pushed instead, for
    /// the loop to run.
    #[inline(always)]
    pub(super) fn load_attr_instr(
        &mut self,
        code: &Code,
        at: usize,
        subject: Subject,
        name_index: u32,
    ) -> PyResult<bool> {
        let slot = self.subject_slot(subject);
        match self.probe_subject(code, at, slot, name_index) {
            Probe::Found(v) => {
                match subject {
                    Subject::Top => Value::replace_split(&mut self.stack[slot], v).release(),
                    Subject::Local(_) => self.push(v),
                }
                Ok(false)
            }
            probe => {
                let obj = self.take_subject(subject, slot);
                self.load_attr_slow(code, at, obj, name_index, probe)
            }
        }
    }

    /// `load_attr_instr` with the object owned, for any answer of the cache (the
    /// instruction takes a hit on a value itself, without owning the object).
    #[inline(never)]
    fn load_attr_slow(
        &mut self,
        code: &Code,
        at: usize,
        obj: Value,
        name_index: u32,
        probe: Probe,
    ) -> PyResult<bool> {
        let name = &code.names[name_index as usize];
        match probe {
            Probe::Found(v) => self.push(v),
            Probe::Bind(attr) => {
                let r = self.bind_descriptor(attr, &obj);
                self.push_result(r)?;
            }
            Probe::Getter(Value::Function(fget)) => {
                // A Python property getter runs as a frame of this loop.
                let base = self.stack.len();
                self.push(obj);
                return match self.push_frame(&fget, base, 1, &[], base, false)? {
                    None => Ok(true),
                    Some(generator) => {
                        self.push(generator);
                        Ok(false)
                    }
                };
            }
            Probe::Getter(fget) => {
                let r = self.call(&fget, std::slice::from_ref(&obj), &[]);
                self.push_result(r)?;
            }
            Probe::Method(_) | Probe::Miss => {
                let r = self.get_attr(&obj, name);
                self.push_result(r)?;
                self.specialize(code, at, &obj, name, Access::Load);
            }
        }
        obj.release();
        Ok(false)
    }

    /// The `LoadMethod` instruction at `at` (alone or fused after a `LoadFast`): push
    /// [method, obj] for a plain method of the type, else [obj.name, NULL].
    #[inline(always)]
    pub(super) fn load_method_instr(
        &mut self,
        code: &Code,
        at: usize,
        subject: Subject,
        name_index: u32,
    ) -> PyResult<()> {
        let slot = self.subject_slot(subject);
        match self.probe_subject(code, at, slot, name_index) {
            Probe::Method(f) => {
                let recv = match subject {
                    Subject::Top => Value::replace_split(&mut self.stack[slot], f),
                    Subject::Local(_) => {
                        let recv = self.stack[slot].dup();
                        self.push(f);
                        recv
                    }
                };
                self.push(recv);
                Ok(())
            }
            probe => {
                let obj = self.take_subject(subject, slot);
                self.load_method_slow(code, at, obj, name_index, probe)
            }
        }
    }

    /// `load_method_instr` with the object owned, for any answer of the cache (the
    /// instruction takes a hit on a plain method itself).
    #[inline(never)]
    fn load_method_slow(
        &mut self,
        code: &Code,
        at: usize,
        obj: Value,
        name_index: u32,
        probe: Probe,
    ) -> PyResult<()> {
        let name = &code.names[name_index as usize];
        let (f, recv) = match probe {
            Probe::Method(f) => (f, obj),
            Probe::Found(v) => {
                obj.release();
                (v, Value::Null)
            }
            Probe::Bind(attr) => (self.bind_descriptor(attr, &obj)?, Value::Null),
            Probe::Getter(fget) => (
                self.call(&fget, std::slice::from_ref(&obj), &[])?,
                Value::Null,
            ),
            Probe::Miss => {
                let found = self.load_method(&obj, name)?;
                self.specialize(code, at, &obj, name, Access::Method);
                found
            }
        };
        self.push(f);
        self.push(recv);
        Ok(())
    }
}
