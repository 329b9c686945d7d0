//! Death events (dict DEALLOCATED, function and code DESTROY) when the last
//! reference goes.
//!
//! A destructor cannot run Python code, so a dying object that someone watches is
//! revived — its contents moved into a new object — and queued with the finalizers
//! (`vm::finalize`); at the next instruction boundary the callbacks run with the
//! revived object. If a callback kept a reference (resurrection), the object lives on
//! and the event fires again when it really dies; otherwise it is released for good.
//! The one difference from CPython: the revived object's `id()` differs from the
//! dying one's (the trace keeps its name).

use super::{
    with_active, CodeEvent, CodeEventKind, DictEvent, DictEventKind, FuncEvent, FuncEventKind,
};
use crate::code::Code;
use crate::object::{tracking, Dict, Function, Value};
use crate::vm::finalize::{enqueue, Pending};
use crate::vm::Vm;
use std::cell::Cell;
use std::rc::Rc;

thread_local! {
    /// The address of the object being released after its death callbacks ran.
    static RELEASING: Cell<usize> = const { Cell::new(0) };
}

fn releasing(addr: usize) -> bool {
    RELEASING.try_with(|r| r.get() == addr).unwrap_or(true)
}

/// Called from `Dict::drop` when the dict's watch mask is not empty.
pub fn dict_dying(d: &mut Dict) {
    let addr = d as *const Dict as usize;
    let bits = d.watch_mask.bits();
    if releasing(addr) || with_active(|w| w.dict.occupied() & bits != 0) != Some(true) {
        return;
    }
    let revived = Rc::new(d.revive());
    tracking::dict(&revived);
    enqueue(Pending::Dealloc(Value::Dict(revived), addr));
}

/// Called from `Function::drop`.
#[inline]
pub fn function_dying(f: &mut Function) {
    if cfg!(feature = "no-watchers") || with_active(|w| w.func.lifecycle() != 0) != Some(true) {
        return;
    }
    let addr = f as *const Function as usize;
    if releasing(addr) {
        return;
    }
    let revived = Rc::new(f.revive());
    tracking::function(&revived);
    enqueue(Pending::Dealloc(Value::Function(revived), addr));
}

/// Called from `Code::drop`.
#[inline]
pub fn code_dying(c: &mut Code) {
    if cfg!(feature = "no-watchers") || with_active(|w| w.code.any()) != Some(true) {
        return;
    }
    let addr = c as *const Code as usize;
    if releasing(addr) {
        return;
    }
    enqueue(Pending::Dealloc(Value::Code(Rc::new(c.revive())), addr));
}

impl Vm {
    /// Send the death event of a revived object (`was` is the dying one's address),
    /// then release it unless a callback resurrected it.
    pub(crate) fn deliver_death(&mut self, obj: Value, was: usize) {
        let now = obj.ptr().unwrap_or(0);
        if let Some(t) = &mut self.watch.tracer {
            t.moved(was, now);
        }
        match &obj {
            Value::Dict(d) => self.dispatch_dict(
                d.watch_mask.bits(),
                DictEvent {
                    kind: DictEventKind::Deallocated,
                    dict: d.clone(),
                    key: None,
                    value: None,
                },
            ),
            Value::Function(f) => self.dispatch_func(FuncEvent {
                kind: FuncEventKind::Destroy,
                func: f.clone(),
                value: None,
            }),
            Value::Code(c) => self.dispatch_code(CodeEvent {
                kind: CodeEventKind::Destroy,
                code: c.clone(),
            }),
            _ => {}
        }
        let last = match &obj {
            Value::Dict(d) => Rc::strong_count(d) == 1,
            Value::Function(f) => Rc::strong_count(f) == 1,
            Value::Code(c) => Rc::strong_count(c) == 1,
            _ => false,
        };
        if !last {
            return;
        }
        if let Some(t) = &mut self.watch.tracer {
            t.forget(now);
        }
        let _ = RELEASING.try_with(|r| r.set(now));
        drop(obj);
        let _ = RELEASING.try_with(|r| r.set(0));
    }
}
