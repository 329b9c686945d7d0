//! Raising and unwinding: what the evaluation loop does when an instruction raises
//! (the traceback entry, `__context__`, the jump to the innermost handler or out of
//! `run`), and the exceptions its instructions make (`raise`, unbound names,
//! `except` matching).

use super::errors::{exc_data, TraceEntry};
use super::{PyErr, PyResult, Vm};
use crate::object::{KeepFrame, PyStr, Value};

/// What one step of unwinding did.
enum Unwound {
    /// The top frame's handler took the exception.
    Handled,
    /// The top frame is gone; `entry` if it was a native boundary.
    Left { err: PyErr, entry: bool },
}

impl Vm {
    /// Unwind after an exception: jump to the innermost handler of the frames above
    /// the nearest native boundary, or return the error from `run`.
    pub(super) fn unwind(&mut self, mut err: PyErr) -> PyResult<()> {
        if !err.is_chained() {
            self.set_context(err.value());
            err.mark_chained();
        }
        loop {
            match self.unwind_top_frame(err) {
                Unwound::Handled => return Ok(()),
                Unwound::Left { err: e, entry } => {
                    if entry || self.frames.is_empty() {
                        return Err(e);
                    }
                    err = e;
                }
            }
        }
    }

    /// For a frame-evaluation hook that ran the top frame partway and met `err`
    /// there (`HookAction::Raise`): raise it in that frame at its `pc`. Its own
    /// handler takes it (Ok: the frame goes on from there), or it leaves the frame,
    /// with the frame's traceback entry, for the caller to raise.
    pub(crate) fn raise_within_top_frame(&mut self, mut err: PyErr) -> PyResult<()> {
        if !err.is_chained() {
            self.set_context(err.value());
            err.mark_chained();
        }
        match self.unwind_top_frame(err) {
            Unwound::Handled => Ok(()),
            Unwound::Left { err, .. } => Err(err),
        }
    }

    /// One step of unwinding: the top frame's traceback entry, then its handler, or
    /// the frame popped.
    fn unwind_top_frame(&mut self, mut err: PyErr) -> Unwound {
        self.unwinding_suspended();
        let Some(frame) = self.frames.last_mut() else {
            return Unwound::Left { err, entry: true };
        };
        let lasti = frame.lasti();
        let raised_here = !err.is_reraise();
        if raised_here {
            if let Some(d) = exc_data(err.value()) {
                let mut d = d.borrow_mut();
                let entry = TraceEntry {
                    code: frame.code.clone(),
                    globals: frame.globals().clone(),
                    lasti: lasti as u32,
                    frame: None,
                };
                d.traceback.push_front(entry);
                if d.keep_frame == KeepFrame::AtRaise {
                    drop(d);
                    self.keep_raising_frame(err.value());
                }
            }
        }
        err.clear_reraise();
        if raised_here && self.thread.attention {
            err = self.exception_raised(err);
        }
        let Some(frame) = self.frames.last_mut() else {
            return Unwound::Left { err, entry: true };
        };
        if let Some(h) = frame.code.handler_for(lasti as u32) {
            let sp = frame.stack_base() + h.depth as usize;
            frame.pc = h.handler as usize;
            self.stack.truncate(sp);
            self.push(err.into_value());
            // The frames and values just dropped may have freed what an
            // exhausted reserve needs.
            super::memory_reserve::replenish();
            return Unwound::Handled;
        }
        if self.thread.attention {
            err = self.frame_unwound(err);
        }
        if exc_data(err.value()).is_some_and(|d| d.borrow().keep_frame != KeepFrame::No) {
            self.keep_raising_frame(err.value());
        }
        let Some(mut frame) = self.frames.pop() else {
            return Unwound::Left { err, entry: true };
        };
        if frame.data.is_some() {
            self.frame_finished(&mut frame);
        }
        self.truncate_stack(frame.ret_sp);
        if frame.owns_segment {
            drop(self.leave_segment());
        }
        if let Some(link) = frame.gen.take() {
            let g = link.generator.clone();
            super::generator::finish_inline(self, link);
            err = super::generator::stop_iteration_escaped(self, &g, err);
        }
        Unwound::Left {
            err,
            entry: frame.entry,
        }
    }

    /// Chain a newly raised exception to the one being handled (`__context__`).
    pub(super) fn set_context(&mut self, exc: &Value) {
        let handled = self.current_handled();
        if handled.is_none() || handled.is(exc) {
            return;
        }
        // Avoid creating a cycle: cut the chain where it reaches `exc`.
        let mut cur = handled.clone();
        for _ in 0..1000 {
            let next = match exc_data(&cur) {
                Some(d) => d.borrow().context.clone(),
                None => break,
            };
            if next.is(exc) {
                if let Some(d) = exc_data(&cur) {
                    d.borrow_mut().context = Value::None;
                }
                break;
            }
            if next.is_none() {
                break;
            }
            cur = next;
        }
        if let Some(d) = exc_data(exc) {
            let mut d = d.borrow_mut();
            if d.context.is_none() {
                d.context = handled;
            }
        }
    }

    /// The entry of the frame that raised `exc` (the only one in its traceback)
    /// keeps the frame, when `ExcData::keep_frame` asks, so that its variables
    /// outlive it (as `tb_frame.f_locals`) for the suggestions its report prints.
    #[cold]
    #[inline(never)]
    fn keep_raising_frame(&mut self, exc: &Value) {
        let Some(top) = self.frames.len().checked_sub(1) else {
            return;
        };
        let Some((keep, obj)) = exc_data(exc).and_then(|d| {
            let mut d = d.borrow_mut();
            let keep = std::mem::take(&mut d.keep_frame);
            (d.traceback.len() == 1).then(|| (keep, d.obj.clone()))
        }) else {
            return;
        };
        if keep == KeepFrame::IfSelfAsItLeaves && !self.first_argument_is_self(top, &obj) {
            return;
        }
        let data = self.frame_data_at(top);
        if let Some(d) = exc_data(exc) {
            if let Some(entry) = d.borrow_mut().traceback.front_mut() {
                entry.frame = data;
            }
        }
    }

    /// Whether the function frame at `index` has `self` for its first variable and
    /// it is `obj` (a method's, when the attribute it missed was its own).
    fn first_argument_is_self(&mut self, index: usize, obj: &Value) -> bool {
        let named_self = self.frames.get(index).is_some_and(|f| {
            f.code.flags & crate::code::flags::NAMESPACE == 0
                && f.code
                    .varnames
                    .first()
                    .is_some_and(|n| n.as_str() == "self")
        });
        if !named_self {
            return false;
        }
        match self.frame_values(index).and_then(|values| values.first()) {
            Some(Value::Cell(c)) => c.get().is(obj),
            Some(v) => v.is(obj),
            None => false,
        }
    }

    pub(super) fn unbound_local(&self, name: &PyStr) -> PyErr {
        self.new_error(
            &self.types.unbound_local_error,
            &format!(
                "cannot access local variable '{}' where it is not associated with a value",
                name.as_str()
            ),
        )
    }

    pub(super) fn unbound_deref(&self, code: &crate::code::Code, i: usize) -> PyErr {
        let name = code.deref_name(i);
        if i < code.cellvars.len() {
            self.unbound_local(name)
        } else {
            self.name_error_with(
                name.as_str(),
                format!(
                    "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                    name.as_str()
                ),
            )
        }
    }

    /// `raise exc [from cause]`: instantiate a class, validate, attach the cause.
    pub(super) fn make_raise(&mut self, exc: Value, cause: Option<Value>) -> PyErr {
        let exc = match self.to_exception(exc) {
            Ok(e) => e,
            Err(e) => return e,
        };
        if let Some(cause) = cause {
            let cause = if cause.is_none() {
                Value::None
            } else {
                let is_class =
                    matches!(&cause, Value::Type(t) if t.is_subtype(&self.types.base_exception));
                if !is_class && exc_data(&cause).is_none() {
                    return self.type_error("exception causes must derive from BaseException");
                }
                match self.to_exception(cause) {
                    Ok(c) => c,
                    Err(e) => return e,
                }
            };
            if let Some(d) = exc_data(&exc) {
                let mut d = d.borrow_mut();
                d.cause = cause;
                d.suppress_context = true;
            }
        }
        PyErr::from_value(exc)
    }

    /// An exception instance from `raise X` where X is a class or an instance.
    pub fn to_exception(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Type(t) if t.is_subtype(&self.types.base_exception) => {
                let made = self.call(&v, &[], &[])?;
                if exc_data(&made).is_some() {
                    return Ok(made);
                }
                let class = self.repr(&v)?;
                let made_class = self.repr(&Value::Type(self.type_of(&made)))?;
                Err(self.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    class.as_str(),
                    made_class.as_str()
                )))
            }
            _ if exc_data(&v).is_some() => Ok(v),
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    pub(super) fn reraise_handled(&mut self) -> PyErr {
        let handled = self.current_handled();
        if handled.is_none() {
            return self.runtime_error("No active exception to reraise");
        }
        PyErr::reraised(handled)
    }

    pub(super) fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let cls = self.type_of(exc);
        match ty {
            Value::Type(t) => {
                if !t.is_subtype(&self.types.base_exception) {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(cls.is_subtype(t))
            }
            Value::Tuple(items) => {
                for t in items.items.iter() {
                    if self.exception_matches(exc, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// `sys._getframe`-style access to the exception's traceback object.
    pub fn traceback_of(&mut self, exc: &Value) -> Value {
        let Some(d) = exc_data(exc) else {
            return Value::None;
        };
        let entries: Vec<TraceEntry> = d.borrow().traceback.iter().cloned().collect();
        entries.into_iter().rev().fold(Value::None, |next, entry| {
            Value::obj(
                self.types.traceback.clone(),
                crate::object::ObjKind::Traceback(Box::new((
                    entry,
                    crate::object::PyCell::new(next),
                ))),
            )
        })
    }

    /// `tb.tb_next = value`: a traceback or None, never one that leads back to `tb`.
    pub(crate) fn set_tb_next(
        &mut self,
        tb: &Value,
        slot: &crate::object::PyCell<Value>,
        value: Option<Value>,
    ) -> PyResult<()> {
        let Some(value) = value else {
            return Err(self.type_error("can't delete tb_next attribute"));
        };
        let mut at = value.clone();
        loop {
            let next = match &at {
                Value::None => break,
                Value::Obj(o) => match &o.kind {
                    crate::object::ObjKind::Traceback(_) if at.is(tb) => {
                        return Err(self.value_error("traceback loop detected"));
                    }
                    crate::object::ObjKind::Traceback(node) => node.1.borrow().clone(),
                    _ => return Err(self.tb_next_type_error(&value)),
                },
                _ => return Err(self.tb_next_type_error(&value)),
            };
            at = next;
        }
        let old = std::mem::replace(&mut *slot.borrow_mut(), value);
        drop(old);
        Ok(())
    }

    fn tb_next_type_error(&self, value: &Value) -> PyErr {
        self.type_error(format!(
            "expected traceback object, got '{}'",
            self.type_name(value)
        ))
    }

    /// The entries of a traceback chain, outermost first (None: no entries; another
    /// value: not a traceback).
    pub fn traceback_entries(&self, tb: &Value) -> Option<Vec<TraceEntry>> {
        let mut entries = Vec::new();
        let mut at = tb.clone();
        loop {
            let next = match &at {
                Value::None => return Some(entries),
                Value::Obj(o) => match &o.kind {
                    crate::object::ObjKind::Traceback(node) => {
                        entries.push(node.0.clone());
                        node.1.borrow().clone()
                    }
                    _ => return None,
                },
                _ => return None,
            };
            at = next;
        }
    }

    /// Raise `e` at the current instruction of the top frame (generator `throw`).
    pub fn raise_in_top_frame(&mut self, e: PyErr) -> PyResult<()> {
        self.unwind(e)
    }
}
