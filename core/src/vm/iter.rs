//! Iteration: `iter()`, `next()`, and the unpacking and collecting built on them.

use super::{PyResult, Vm};
use crate::object::{DictViewKind, IterState, ObjKind, PyCell, Value};
use std::rc::Rc;

/// One step of a range (counting up), list or tuple iterator, which runs no Python
/// code: `Some(Some(item))`, `Some(None)` once exhausted (a sequence iterator then
/// stays exhausted), or `None` for any other iterator.
#[inline(always)]
pub(super) fn step_simple(state: &mut IterState) -> Option<Option<Value>> {
    match state {
        IterState::Range { next, stop, step } if *step > 0 => Some((*next < *stop).then(|| {
            let v = *next;
            *next = next.saturating_add(*step);
            Value::Int(v)
        })),
        IterState::Seq { seq, index } => {
            let item = match seq {
                Value::List(l) => l.items.borrow().get(*index).map(Value::dup),
                Value::Tuple(t) => t.items.get(*index).map(Value::dup),
                _ => return None,
            };
            match item {
                Some(_) => *index += 1,
                None => *state = IterState::Exhausted,
            }
            Some(item)
        }
        _ => None,
    }
}

/// For extensions: one step of `it` when it is a range (counting up), list or tuple
/// iterator, or a (not strict) `zip` of those, which runs no Python code:
/// `Some(Some(item))`, `Some(None)` once exhausted, or `None` for any other
/// iterator (step it with `Vm::next`). An `enumerate` is left to the interpreter,
/// whose step gives a loop's two targets the pair without building it.
pub fn step_in_place(it: &Value) -> Option<Option<Value>> {
    let Value::Obj(o) = it else {
        return None;
    };
    let ObjKind::Iter(state) = &o.kind else {
        return None;
    };
    let mut st = state.borrow_mut();
    // Ranges, lists and tuples first: a loop steps them in every round.
    if let Some(step) = step_simple(&mut st) {
        return Some(step);
    }
    match &mut *st {
        IterState::Zip {
            iters,
            strict: false,
        } if o.cls.builtin => {
            // Every iterator is checked before any is stepped: one that would
            // need `Vm::next` must find none of the others moved.
            let iters = iters.clone();
            let states = iters
                .iter()
                .map(builtin_iter_state)
                .collect::<Option<Vec<_>>>()?;
            if !states.iter().all(|s| steps_simply(&s.borrow())) {
                return None;
            }
            let mut items = Vec::with_capacity(states.len());
            for state in states {
                match step_simple(&mut state.borrow_mut())? {
                    Some(item) => items.push(item),
                    None => return Some(None),
                }
            }
            Some((!items.is_empty()).then(|| Value::tuple_from(items)))
        }
        _ => None,
    }
}

/// The state of a built-in iterator object (of a built-in class: never one whose
/// `__next__` a subclass could override).
fn builtin_iter_state(it: &Value) -> Option<&crate::object::PyCell<IterState>> {
    match it {
        Value::Obj(o) if o.cls.builtin => match &o.kind {
            ObjKind::Iter(state) => Some(state),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `step_simple` steps this state.
fn steps_simply(state: &IterState) -> bool {
    match state {
        IterState::Range { step, .. } => *step > 0,
        IterState::Seq { seq, .. } => matches!(seq, Value::List(_) | Value::Tuple(_)),
        _ => false,
    }
}

/// For extensions: whether `iter(v)` runs no Python code and makes an iterator that
/// `step_in_place` may step: a list, a tuple, a range, or a built-in iterator
/// (its own iterator).
pub fn iterates_in_place(v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Tuple(_) => true,
        Value::Obj(o) => matches!(o.kind, ObjKind::Range { .. }) || builtin_iter_state(v).is_some(),
        _ => false,
    }
}

/// What `ForIter` got from an iterator stepped in place (see `step_for_iter`).
pub(super) enum ForStep {
    Item(Value),
    /// An `enumerate` step whose pair goes straight to the `UnpackSequence(2)`
    /// that follows: (count, item), no tuple built.
    Pair(i64, Value),
    Exhausted,
    /// Not an iterator that steps in place: call `next()`.
    General,
}

/// Step the iterator `it` of a `ForIter` without a call when it is a range, list or
/// tuple iterator, or (when `unpack_pair`: the loop unpacks two targets) an
/// `enumerate` of one.
#[inline(always)]
pub(super) fn step_for_iter(it: &Value, unpack_pair: bool) -> ForStep {
    let Value::Obj(o) = it else {
        return ForStep::General;
    };
    let ObjKind::Iter(state) = &o.kind else {
        return ForStep::General;
    };
    let mut st = state.borrow_mut();
    if let (
        IterState::Enumerate {
            it: Value::Obj(inner),
            count: Value::Int(count),
        },
        true,
    ) = (&mut *st, unpack_pair)
    {
        let ObjKind::Iter(inner_state) = &inner.kind else {
            return ForStep::General;
        };
        if *count == i64::MAX {
            return ForStep::General;
        }
        return match step_simple(&mut inner_state.borrow_mut()) {
            Some(Some(v)) => {
                *count += 1;
                ForStep::Pair(*count - 1, v)
            }
            Some(None) => ForStep::Exhausted,
            None => ForStep::General,
        };
    }
    match step_simple(&mut st) {
        Some(Some(v)) => ForStep::Item(v),
        Some(None) => ForStep::Exhausted,
        None => ForStep::General,
    }
}

/// How `Vm::step_loop` stepped a loop's iterator.
pub(super) enum LoopStep {
    /// The next item is on the stack.
    Pushed,
    /// The iterator is exhausted and popped.
    Exhausted,
    /// A generator's frame was pushed to run inline: its yield continues the loop at
    /// the body, its return finishes the loop (`Vm::generator_returned`).
    Resumed,
}

impl Vm {
    /// A loop step (`ForIter`, `ForIterBack`) on an iterator that does not step in
    /// place (`step_for_iter`): resume a generator inline, or call `next()`. The
    /// running frame's pc is the loop's body.
    #[inline(never)]
    pub(super) fn step_loop(&mut self, body: usize) -> PyResult<LoopStep> {
        let it = self.top().dup();
        if let Value::Generator(g) = &it {
            if super::generator::enter_inline(self, g, &Value::None) {
                return Ok(LoopStep::Resumed);
            }
            if self.thread.frame_entry {
                match super::generator::enter_hooked(self, g, Value::None) {
                    super::generator::Resumed::Inline => return Ok(LoopStep::Resumed),
                    super::generator::Resumed::General => {}
                    super::generator::Resumed::Raised(e) => return Err(e),
                }
            }
        }
        debug_assert!(self.frames.last().is_some_and(|f| f.pc == body));
        Ok(match self.next(&it)? {
            Some(v) => {
                self.push(v);
                LoopStep::Pushed
            }
            None => {
                self.stack.pop();
                LoopStep::Exhausted
            }
        })
    }

    pub(crate) fn new_iter(&self, cls: &crate::object::TypeRef, state: IterState) -> Value {
        Value::obj(cls.clone(), ObjKind::Iter(PyCell::new(state)))
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        let t = self.types;
        Ok(match v {
            Value::List(_) => self.new_iter(
                &t.list_iterator,
                IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                },
            ),
            Value::Tuple(_) => self.new_iter(
                &t.tuple_iterator,
                IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                },
            ),
            Value::Str(s) => self.new_iter(
                &t.str_iterator,
                IterState::Str {
                    s: s.clone(),
                    byte_pos: 0,
                },
            ),
            Value::Dict(d) => self.new_iter(
                &t.dict_keyiterator,
                IterState::Dict {
                    dict: d.clone(),
                    pos: 0,
                    kind: DictViewKind::Keys,
                    expected_len: d.len(),
                },
            ),
            Value::Set(s) => self.new_iter(
                &t.set_iterator,
                IterState::Set {
                    set: s.clone(),
                    pos: 0,
                    expected_len: s.len(),
                },
            ),
            Value::Generator(_) => v.clone(),
            Value::Obj(o) => match &o.kind {
                ObjKind::Iter(_) => v.clone(),
                ObjKind::GenericAlias(ga) => self.new_iter(
                    &t.list_iterator,
                    IterState::Seq {
                        seq: Value::list(vec![crate::builtins::generic_alias::unpacked(self, ga)]),
                        index: 0,
                    },
                ),
                ObjKind::BigRange(r) => self.new_iter(
                    &t.range_iterator,
                    IterState::BigRange {
                        next: r.start.clone(),
                        stop: r.stop.clone(),
                        step: r.step.clone(),
                    },
                ),
                ObjKind::Range { start, stop, step } => self.new_iter(
                    &t.range_iterator,
                    IterState::Range {
                        next: *start,
                        stop: *stop,
                        step: *step,
                    },
                ),
                ObjKind::DictView(d, kind) => {
                    let cls = match kind {
                        DictViewKind::Keys => &t.dict_keyiterator,
                        DictViewKind::Values => &t.dict_valueiterator,
                        DictViewKind::Items => &t.dict_itemiterator,
                    };
                    self.new_iter(
                        cls,
                        IterState::Dict {
                            dict: d.clone(),
                            pos: 0,
                            kind: *kind,
                            expected_len: d.len(),
                        },
                    )
                }
                ObjKind::MappingProxy(d) => self.new_iter(
                    &t.dict_keyiterator,
                    IterState::Dict {
                        dict: d.clone(),
                        pos: 0,
                        kind: DictViewKind::Keys,
                        expected_len: d.len(),
                    },
                ),
                ObjKind::Bytes(_) => self.new_iter(
                    &t.seq_iterator,
                    IterState::Seq {
                        seq: v.clone(),
                        index: 0,
                    },
                ),
                _ => return self.iter_by_protocol(v),
            },
            _ => return self.iter_by_protocol(v),
        })
    }

    fn iter_by_protocol(&mut self, v: &Value) -> PyResult<Value> {
        let cls = self.type_of(v);
        let iter_name = self.names.d_iter.clone();
        match cls.lookup(&iter_name) {
            Some(Value::None) => {}
            Some(m) => {
                let it = self.call_method_value(m, v, &[])?;
                let next_name = self.names.d_next.clone();
                let it_cls = self.type_of(&it);
                if it_cls.lookup(&next_name).is_none()
                    && !matches!(&it, Value::Generator(_))
                    && !matches!(&it, Value::Obj(o) if matches!(o.kind, ObjKind::Iter(_)))
                {
                    return Err(self.type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        it_cls.name().as_str()
                    )));
                }
                return Ok(it);
            }
            None => {
                if let Some(b) = self.builtin_base(v) {
                    return self.get_iter(&b);
                }
                let getitem = self.names.getitem.clone();
                if cls.lookup(&getitem).is_some() {
                    return Ok(self.new_iter(
                        &self.types.seq_iterator.clone(),
                        IterState::GetItem {
                            obj: v.clone(),
                            index: 0,
                        },
                    ));
                }
            }
        }
        Err(self.type_error(format!("'{}' object is not iterable", cls.name().as_str())))
    }

    /// `next(it)`: Some(value), or None when exhausted.
    ///
    /// Inline with only the steps of a list iterator and an ascending range
    /// iterator: the other kinds go to functions of their own, so a caller stepping
    /// a list (zip's inputs, sum's) pays no more than the load.
    #[inline]
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = it {
            if let ObjKind::Iter(state) = &o.kind {
                match &mut *state.borrow_mut() {
                    IterState::Seq {
                        seq: Value::List(l),
                        index,
                    } => {
                        if let Some(v) = l.items.borrow().get(*index) {
                            *index += 1;
                            return Ok(Some(v.clone()));
                        }
                    }
                    IterState::Range { next, stop, step } if *step > 0 && *next < *stop => {
                        let v = *next;
                        *next = next.saturating_add(*step);
                        return Ok(Some(Value::Int(v)));
                    }
                    _ => {}
                }
                return self.next_builtin(state);
            }
        }
        self.next_other(it)
    }

    #[inline(never)]
    fn next_other(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Value::Generator(g) = it {
            return super::generator::gen_next(self, g);
        }
        let cls = self.type_of(it);
        let next_name = self.names.d_next.clone();
        let Some(m) = cls.lookup(&next_name) else {
            return Err(self.type_error(format!(
                "'{}' object is not an iterator",
                cls.name().as_str()
            )));
        };
        match self.call_method_value(m, it, &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, &self.types.stop_iteration.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    #[inline(never)]
    fn next_builtin(&mut self, state: &PyCell<IterState>) -> PyResult<Option<Value>> {
        // Fast paths that need no Python code.
        {
            let mut st = state.borrow_mut();
            match &mut *st {
                IterState::Seq { seq, index } => {
                    let v = match seq {
                        Value::List(l) => l.get(*index),
                        Value::Tuple(t) => t.items.get(*index).cloned(),
                        Value::Obj(o) => match &o.kind {
                            ObjKind::Bytes(b) => b.get(*index).map(|&x| Value::Int(x as i64)),
                            ObjKind::ByteArray(b) => {
                                b.data.borrow().get(*index).map(|&x| Value::Int(x as i64))
                            }
                            _ => None,
                        },
                        _ => None,
                    };
                    match v {
                        Some(v) => {
                            *index += 1;
                            return Ok(Some(v));
                        }
                        None => {
                            *st = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                IterState::Range { next, stop, step } => {
                    if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                        let v = *next;
                        *next = next.saturating_add(*step);
                        if (*step > 0 && *next < v) || (*step < 0 && *next > v) {
                            *next = *stop;
                        }
                        return Ok(Some(Value::Int(v)));
                    }
                    return Ok(None);
                }
                IterState::Str { s, byte_pos } => {
                    let text = s.wtf8();
                    if *byte_pos >= text.len() {
                        return Ok(None);
                    }
                    let (cp, width) = crate::object::wtf8::decode_at(text, *byte_pos);
                    *byte_pos += width;
                    return Ok(Some(crate::builtins::str::code_point_str(cp)));
                }
                IterState::Dict {
                    dict,
                    pos,
                    kind,
                    expected_len,
                } => {
                    if dict.len() != *expected_len {
                        *expected_len = usize::MAX;
                        drop(st);
                        return Err(self.runtime_error("dictionary changed size during iteration"));
                    }
                    match dict.next_entry(*pos) {
                        Some((p, k, v)) => {
                            *pos = p;
                            return Ok(Some(match kind {
                                DictViewKind::Keys => k,
                                DictViewKind::Values => v,
                                DictViewKind::Items => Value::tuple_from([k, v]),
                            }));
                        }
                        None => return Ok(None),
                    }
                }
                IterState::Set {
                    set,
                    pos,
                    expected_len,
                } => {
                    if set.len() != *expected_len {
                        *expected_len = usize::MAX;
                        drop(st);
                        return Err(self.runtime_error("Set changed size during iteration"));
                    }
                    match set.next_entry(*pos) {
                        Some((p, k)) => {
                            *pos = p;
                            return Ok(Some(k));
                        }
                        None => return Ok(None),
                    }
                }
                IterState::Reversed { seq, index } => {
                    if *index == 0 {
                        return Ok(None);
                    }
                    let v = match seq {
                        Value::List(l) => {
                            if *index > l.len() {
                                *index = 0;
                                return Ok(None);
                            }
                            l.get(*index - 1)
                        }
                        Value::Tuple(t) => t.items.get(*index - 1).cloned(),
                        _ => None,
                    };
                    if let Some(v) = v {
                        *index -= 1;
                        return Ok(Some(v));
                    }
                }
                IterState::Exhausted => return Ok(None),
                IterState::Itertools(_) => {
                    drop(st);
                    return crate::modules::itertools::next(self, state);
                }
                _ => {}
            }
        }
        crate::builtins::iterators::next_slow(self, state)
    }

    /// All items of an iterable.
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return self.copy_items(&l.items.borrow()),
            Value::Tuple(t) => return self.copy_items(&t.items),
            _ => {}
        }
        let out = self.room_for_items(v)?;
        let it = self.get_iter(v)?;
        self.collect_iter_into(out, &it)
    }

    /// A vector with room for the items of `v`, as far as its length says.
    fn room_for_items(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        Ok(match v {
            // A range too long to count is CPython's OverflowError (from its length).
            Value::Obj(o) => match &o.kind {
                ObjKind::BigRange(r) => {
                    let n = crate::builtins::range::big_range_len(self, r)?;
                    self.vec_with_capacity(n)?
                }
                _ => Vec::new(),
            },
            // Sized by its `__len__` first, as CPython's length hint does: an error
            // other than TypeError is raised, and a length that cannot be held is
            // MemoryError.
            Value::Instance(inst) if inst.cls.borrow().lookup(&self.names.d_len).is_some() => {
                match self.len(v) {
                    Ok(n) => self.vec_with_capacity(n)?,
                    Err(e) if self.err_matches(&e, &self.types.type_error.clone()) => Vec::new(),
                    Err(e) => return Err(e),
                }
            }
            _ => Vec::new(),
        })
    }

    /// The items iterator `it` has left, after those in `out`.
    fn collect_iter_into(&mut self, mut out: Vec<Value>, it: &Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(o) = it {
            if let ObjKind::Iter(state) = &o.kind {
                let mut st = state.borrow_mut();
                match &*st {
                    // Stepping a list, tuple or range iterator runs no Python code,
                    // so its remaining items are made at once.
                    IterState::Seq {
                        seq: Value::List(l),
                        index,
                    } => {
                        out.extend_from_slice(l.items.borrow().get(*index..).unwrap_or(&[]));
                        *st = IterState::Exhausted;
                        return Ok(out);
                    }
                    IterState::Seq {
                        seq: Value::Tuple(t),
                        index,
                    } => {
                        out.extend_from_slice(t.items.get(*index..).unwrap_or(&[]));
                        *st = IterState::Exhausted;
                        return Ok(out);
                    }
                    IterState::Range { next, stop, step } => {
                        let (start, step) = (*next, *step);
                        let n = crate::builtins::range::range_len(start, *stop, step);
                        self.reserve(&mut out, n as usize)?;
                        // Each value lies between the bounds, so the wrapping sum
                        // is exact.
                        out.extend(
                            (0..n).map(|i| Value::Int(start.wrapping_add(i.wrapping_mul(step)))),
                        );
                        *st = IterState::Exhausted;
                        return Ok(out);
                    }
                    _ => {}
                }
            }
        }
        while let Some(x) = self.next(it)? {
            self.reserve_one(&mut out)?;
            out.push(x);
            // Items the iterator makes (big ints, strings) may have spent the memory
            // reserve: this loop reaches no instruction boundary to notice.
            if super::memory_reserve::take_exhausted() {
                return Err(self.memory_error());
            }
        }
        Ok(out)
    }

    /// The iterator of a value being unpacked. Only `iter()` failing with TypeError
    /// says "non-iterable"; an error while iterating (or a range too long to hold)
    /// is raised as it is.
    fn iter_to_unpack(&mut self, seq: &Value) -> PyResult<Value> {
        match self.get_iter(seq) {
            Err(e) if self.err_matches(&e, &self.types.type_error.clone()) => Err(self.type_error(
                format!("cannot unpack non-iterable {} object", self.type_name(seq)),
            )),
            r => r,
        }
    }

    /// UnpackSequence: push n items (last item deepest... first item on top).
    pub fn unpack_sequence(&mut self, seq: Value, n: usize) -> PyResult<()> {
        let items: Vec<Value> = match &seq {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.snapshot(),
            _ => {
                let it = self.iter_to_unpack(&seq)?;
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(
                            self.value_error(format!("too many values to unpack (expected {n})"))
                        );
                    }
                }
                out
            }
        };
        if items.len() != n {
            if items.len() > n {
                return Err(self.value_error(format!("too many values to unpack (expected {n})")));
            }
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {}, got {})",
                n,
                items.len()
            )));
        }
        for v in items.into_iter().rev() {
            self.stack.push(v);
        }
        Ok(())
    }

    /// UnpackEx: `a, *b, c = seq`.
    pub fn unpack_ex(&mut self, seq: Value, before: usize, after: usize) -> PyResult<()> {
        let items = match &seq {
            Value::List(_) | Value::Tuple(_) => self.collect_iterable(&seq)?,
            _ => {
                let it = self.iter_to_unpack(&seq)?;
                let out = self.room_for_items(&seq)?;
                self.collect_iter_into(out, &it)?
            }
        };
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mid_end = items.len() - after;
        let mut out: Vec<Value> = Vec::with_capacity(before + after + 1);
        out.extend(items[..before].iter().cloned());
        out.push(Value::list(items[before..mid_end].to_vec()));
        out.extend(items[mid_end..].iter().cloned());
        for v in out.into_iter().rev() {
            self.stack.push(v);
        }
        Ok(())
    }

    pub fn view_items(&self, d: &Rc<crate::object::Dict>, kind: DictViewKind) -> Vec<Value> {
        match kind {
            DictViewKind::Keys => d.keys(),
            DictViewKind::Values => d.values(),
            DictViewKind::Items => d
                .items()
                .into_iter()
                .map(|(k, v)| Value::tuple_from([k, v]))
                .collect(),
        }
    }
}
