//! Subscripting (`obj[key]`, assignment, deletion, slices) and the set operations
//! the evaluation loop needs.

use super::{PyResult, Vm};
use crate::object::function::BoundMethod;
use crate::object::{Base, ObjKind, Set, Value};
use std::rc::Rc;

/// A resolved slice: start, stop, step and the number of items.
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

/// A slice's bounds with every `__index__` already called (`Vm::unpack_slice`);
/// a missing bound is the extreme value for its direction.
pub struct SliceBounds {
    start: i64,
    stop: i64,
    step: i64,
}

impl SliceBounds {
    /// Resolve against a sequence length (PySlice_AdjustIndices).
    pub fn adjust(&self, len: usize) -> SliceIndices {
        let len = len as i64;
        let step = self.step;
        let clamp = |i: i64| -> i64 {
            if i < 0 {
                let j = i.saturating_add(len);
                if j >= 0 {
                    j
                } else if step < 0 {
                    -1
                } else {
                    0
                }
            } else if i >= len {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            } else {
                i
            }
        };
        let (start, stop) = (clamp(self.start), clamp(self.stop));
        let count = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        SliceIndices {
            start,
            stop,
            step,
            len: count as usize,
        }
    }
}

/// A sequence index resolved against a length (negative counts from the end);
/// None if out of range.
pub fn wrap_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    if j < 0 || j >= len as i64 {
        None
    } else {
        Some(j as usize)
    }
}

impl Vm {
    pub fn new_slice(&self, start: Value, stop: Value, step: Value) -> Value {
        Value::obj(
            self.types.slice.clone(),
            ObjKind::Slice { start, stop, step },
        )
    }

    /// An index operand as i64 (ints, bools, `__index__`).
    pub fn index_value(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match self.index_int(v)? {
            Some(Value::Int(i)) => Ok(Some(i)),
            Some(_) => Err(self.index_error("cannot fit 'int' into an index-sized integer")),
            None => Ok(None),
        }
    }

    /// An index operand as an int (a `Value::Int` or `Value::BigInt`), not yet
    /// narrowed to a machine word.
    fn index_int(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(Some(v.clone())),
            Value::Bool(b) => Ok(Some(Value::Int(*b as i64))),
            Value::Instance(_) => {
                let name = self.names.d_index.clone();
                match self.type_of(v).lookup(&name) {
                    Some(m) => {
                        let r = self.call_method_value(m, v, &[])?;
                        self.index_int(&r)
                    }
                    None => match self.builtin_base(v) {
                        Some(b) => self.index_int(&b),
                        None => Ok(None),
                    },
                }
            }
            _ => Ok(None),
        }
    }

    /// A slice's start, stop and step as machine words (PySlice_Unpack): every
    /// `__index__` is called here, so a mutable sequence reads its length after the
    /// calls that may change it, and resolving the bounds against it
    /// (`SliceBounds::adjust`) runs no Python code.
    pub fn unpack_slice(
        &mut self,
        start: &Value,
        stop: &Value,
        step: &Value,
    ) -> PyResult<SliceBounds> {
        let step = if step.is_none() {
            1
        } else {
            match self.slice_bound(step)? {
                0 => return Err(self.value_error("slice step cannot be zero")),
                // Clamped so that `-step` cannot overflow.
                s => s.max(-i64::MAX),
            }
        };
        let start = if start.is_none() {
            if step < 0 {
                i64::MAX
            } else {
                0
            }
        } else {
            self.slice_bound(start)?
        };
        let stop = if stop.is_none() {
            if step < 0 {
                i64::MIN
            } else {
                i64::MAX
            }
        } else {
            self.slice_bound(stop)?
        };
        Ok(SliceBounds { start, stop, step })
    }

    /// One slice bound; ints beyond a machine word are clamped, as CPython's
    /// _PyEval_SliceIndex.
    pub fn slice_bound(&mut self, v: &Value) -> PyResult<i64> {
        match self.index_int(v)? {
            Some(Value::Int(i)) => Ok(i),
            Some(Value::BigInt(b)) => Ok(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            }),
            _ => Err(self
                .type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// Resolve slice bounds against a sequence length (unpack, then adjust).
    pub fn slice_indices(
        &mut self,
        start: &Value,
        stop: &Value,
        step: &Value,
        len: usize,
    ) -> PyResult<SliceIndices> {
        Ok(self.unpack_slice(start, stop, step)?.adjust(len))
    }

    /// A sequence index as i64 (`__index__` called), not yet resolved against a
    /// length.
    pub fn seq_position(&mut self, key: &Value, what: &str) -> PyResult<i64> {
        match self.index_value(key)? {
            Some(i) => Ok(i),
            None => Err(self.type_error(format!(
                "{} indices must be integers or slices, not {}",
                what,
                self.type_name(key)
            ))),
        }
    }

    /// Normalise a sequence index; None if out of range.
    pub fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = self.seq_position(key, what)?;
        Ok(wrap_index(i, len))
    }

    fn slice_of(&mut self, items: &[Value], key: &Value) -> PyResult<Option<Vec<Value>>> {
        if let Value::Obj(o) = key {
            if let ObjKind::Slice { start, stop, step } = &o.kind {
                let si = self.slice_indices(start, stop, step, items.len())?;
                let mut out = Vec::with_capacity(si.len);
                let mut i = si.start;
                for _ in 0..si.len {
                    out.push(items[i as usize].clone());
                    i += si.step;
                }
                return Ok(Some(out));
            }
        }
        Ok(None)
    }

    /// `obj[key]`.
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        match obj {
            Value::List(l) => {
                if let Value::Int(i) = key {
                    return match wrap_index(*i, l.len()).and_then(|i| l.get(i)) {
                        Some(v) => Ok(v),
                        None => Err(self.index_error("list index out of range")),
                    };
                }
                if let Value::Obj(o) = key {
                    if let ObjKind::Slice { start, stop, step } = &o.kind {
                        // The bounds first: `__index__` may resize the list.
                        let si = self.unpack_slice(start, stop, step)?.adjust(l.len());
                        let items = l.items.borrow();
                        let out: Vec<Value> = if si.step == 1 {
                            let a = (si.start as usize).min(items.len());
                            let b = (a + si.len).min(items.len());
                            items[a..b].to_vec()
                        } else {
                            (0..si.len)
                                .filter_map(|k| {
                                    items.get((si.start + k as i64 * si.step) as usize).cloned()
                                })
                                .collect()
                        };
                        return Ok(Value::list(out));
                    }
                }
                let i = self.seq_position(key, "list")?;
                match wrap_index(i, l.len()).and_then(|i| l.get(i)) {
                    Some(v) => Ok(v),
                    None => Err(self.index_error("list index out of range")),
                }
            }
            Value::Tuple(t) => {
                if let Some(v) = self.slice_of(&t.items, key)? {
                    return Ok(Value::tuple(v));
                }
                match self.seq_index(key, t.items.len(), "tuple")? {
                    Some(i) => Ok(t.items[i].clone()),
                    None => Err(self.index_error("tuple index out of range")),
                }
            }
            Value::Dict(d) => match self.dict_lookup(d, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            Value::Str(s) => crate::builtins::str::str_getitem(self, s, key),
            Value::Obj(o) => match &o.kind {
                ObjKind::Range { .. } => crate::builtins::range::range_getitem(self, obj, key),
                ObjKind::BigRange(_) => crate::builtins::range::big_range_getitem(self, obj, key),
                ObjKind::MappingProxy(d) => match self.dict_lookup(d, key)? {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(key.clone())),
                },
                ObjKind::GenericAlias(_) => crate::builtins::generic_alias::getitem(self, obj, key),
                ObjKind::Bytes(b) => {
                    if let Value::Obj(k) = key {
                        if let ObjKind::Slice { start, stop, step } = &k.kind {
                            let si = self.slice_indices(start, stop, step, b.len())?;
                            let mut out = Vec::with_capacity(si.len);
                            let mut i = si.start;
                            for _ in 0..si.len {
                                out.push(b[i as usize]);
                                i += si.step;
                            }
                            return Ok(crate::builtins::bytes::new_bytes(out));
                        }
                    }
                    match self.seq_index(key, b.len(), "byte")? {
                        Some(i) => Ok(Value::Int(b[i] as i64)),
                        None => Err(self.index_error("index out of range")),
                    }
                }
                _ => self.getitem_dunder(obj, key),
            },
            Value::Type(_) if self.metaclass_method(obj, &self.names.getitem).is_some() => {
                self.getitem_dunder(obj, key)
            }
            Value::Type(t) => {
                let name = self.names.class_getitem.clone();
                match t.lookup(&name) {
                    Some(f) => {
                        let class_method = match &f {
                            Value::Obj(o) => match &o.kind {
                                ObjKind::ClassMethod(inner) => Some(inner.clone()),
                                _ => None,
                            },
                            _ => None,
                        };
                        let f = match class_method {
                            // Bound to the class subscripted, not to its metaclass.
                            Some(func) => {
                                Value::Method(Rc::new(BoundMethod::new(func, obj.clone())))
                            }
                            None => self.bind_descriptor(f, obj)?,
                        };
                        self.call(&f, std::slice::from_ref(key), &[])
                    }
                    // `type[int]`: type itself has no `__class_getitem__` (its
                    // subclasses would inherit it), as in CPython.
                    None if Rc::ptr_eq(t, &self.types.type_) => Ok(
                        crate::builtins::generic_alias::new(self, obj.clone(), key.clone(), false),
                    ),
                    None => Err(self
                        .type_error(format!("type '{}' is not subscriptable", t.name().as_str()))),
                }
            }
            _ => self.getitem_dunder(obj, key),
        }
    }

    fn getitem_dunder(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        let cls = self.type_of(obj);
        let name = self.names.getitem.clone();
        if let Some(m) = cls.lookup(&name) {
            if !matches!(m, Value::Builtin(_)) || takes_native_dunders(obj) {
                return self.call_method_value(m, obj, std::slice::from_ref(key));
            }
        }
        if let Some(b) = self.builtin_base(obj) {
            if let Value::Dict(d) = &b {
                if let Some(v) = self.dict_lookup(d, key)? {
                    return Ok(v);
                }
                let missing = self.names.missing.clone();
                if let Some(m) = cls.lookup(&missing) {
                    return self.call_method_value(m, obj, std::slice::from_ref(key));
                }
                return Err(self.key_error(key.clone()));
            }
            return self.getitem(&b, key);
        }
        Err(self.type_error(format!(
            "'{}' object is not subscriptable",
            cls.name().as_str()
        )))
    }

    /// `obj[key] = value`.
    pub fn setitem(&mut self, obj: &Value, key: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Obj(o) = &key {
                    if let ObjKind::Slice { start, stop, step } = &o.kind {
                        return crate::builtins::list::list_set_slice(
                            self, l, start, stop, step, &value,
                        );
                    }
                }
                // The index first: `__index__` may resize the list.
                let i = self.seq_position(&key, "list")?;
                let old = {
                    let mut items = l.items.borrow_mut();
                    wrap_index(i, items.len()).map(|i| std::mem::replace(&mut items[i], value))
                };
                match old {
                    Some(old) => {
                        drop(old);
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Value::Dict(d) => self.dict_set(d, key, value),
            _ => {
                let cls = self.type_of(obj);
                let name = self.names.setitem.clone();
                if let Some(m) = cls.lookup(&name) {
                    if !matches!(m, Value::Builtin(_)) || takes_native_dunders(obj) {
                        self.call_method_value(m, obj, &[key, value])?;
                        return Ok(());
                    }
                }
                if let Some(b) = self.builtin_base(obj) {
                    return self.setitem(&b, key, value);
                }
                Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    cls.name().as_str()
                )))
            }
        }
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        match obj {
            Value::List(l) => {
                if let Value::Obj(o) = key {
                    if let ObjKind::Slice { start, stop, step } = &o.kind {
                        return crate::builtins::list::list_del_slice(self, l, start, stop, step);
                    }
                }
                let i = self.seq_position(key, "list")?;
                let old = {
                    let mut items = l.items.borrow_mut();
                    wrap_index(i, items.len()).map(|i| items.remove(i))
                };
                match old {
                    Some(old) => {
                        drop(old);
                        Ok(())
                    }
                    None => Err(self.index_error("list assignment index out of range")),
                }
            }
            Value::Dict(d) => match self.dict_remove(d, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            _ => {
                let cls = self.type_of(obj);
                let name = self.names.delitem.clone();
                if let Some(m) = cls.lookup(&name) {
                    if !matches!(m, Value::Builtin(_)) || takes_native_dunders(obj) {
                        self.call_method_value(m, obj, std::slice::from_ref(key))?;
                        return Ok(());
                    }
                }
                if let Some(b) = self.builtin_base(obj) {
                    return self.delitem(&b, key);
                }
                Err(self.type_error(format!(
                    "'{}' object doesn't support item deletion",
                    cls.name().as_str()
                )))
            }
        }
    }

    /// A new set (or frozenset) from items.
    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let s = Rc::new(Set::new(frozen));
        for v in items {
            self.set_add(&s, v)?;
        }
        Ok(Value::Set(s))
    }

    pub fn set_find(&mut self, s: &Set, hash: i64, key: &Value) -> PyResult<Option<usize>> {
        self.find_probed(key, || s.probe(hash, key), |i, k| s.key_is_at(i, k))
    }

    pub fn set_add(&mut self, s: &Set, key: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        self.set_add_hashed(s, h, key)
    }

    pub fn set_add_hashed(&mut self, s: &Set, h: i64, key: Value) -> PyResult<()> {
        if self.set_find(s, h, &key)?.is_none() {
            s.insert_absent(h, key).map_err(|_| self.memory_error())?;
        }
        Ok(())
    }

    pub fn set_contains(&mut self, s: &Set, key: &Value) -> PyResult<bool> {
        let h = match self.hash(key) {
            Ok(h) => h,
            Err(e) => {
                // A set as a key is looked up as a frozenset.
                if let Value::Set(inner) = key {
                    let f = Set::new(true);
                    f.merge_from(inner);
                    f.frozen_hash()
                } else {
                    return Err(e);
                }
            }
        };
        Ok(self.set_find(s, h, key)?.is_some())
    }

    pub fn set_discard(&mut self, s: &Set, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        match self.set_find(s, h, key)? {
            Some(i) => {
                drop(s.remove_slot(i));
                Ok(true)
            }
            None => Ok(false),
        }
    }
}

/// Whether a native `__getitem__` / `__setitem__` / `__delitem__` found on the type
/// applies to `obj` itself: a native object, or an instance with no built-in value
/// (a subclass of a native class such as `deque`); the built-in part of a `list` or
/// `dict` subclass is indexed directly instead.
fn takes_native_dunders(obj: &Value) -> bool {
    match obj {
        Value::Obj(_) => true,
        Value::Instance(i) => !matches!(i.base, Base::Value(_)),
        _ => false,
    }
}
