//! Frames suspended at a call: compiled code that hands one call to the interpreter
//! and gets its frame back when the call is over, with no native re-entry.
//!
//! An extension running a frame by other means (a unit of compiled code, entered
//! from a loop hook, an eval hook or an earlier resumption) that reaches a call of a
//! Python function can let the interpreter make it, as the frame's own `Call`
//! instruction would: it pushes the call's operands on top of the value stack
//! (the callable, the receiver or null, the arguments), and calls
//! `Vm::suspend_at_call` with the instruction's `pc` and an owner. Its own values may
//! stay on the operand stack below those operands. It then hands the frame back (a
//! loop hook answers `Took`, an eval hook `Continue`, a resumption returns): the
//! loop executes the `Call` (the callee's frame is pushed, its eval hooks and
//! trace events run as for any call), and runs the callee. Nothing of the suspended
//! code is on the native stack meanwhile, so recursion through compiled code needs
//! no more native stack than the interpreter's own.
//!
//! When the callee returns, its value is pushed on the frame's operand stack and,
//! instead of running the instruction after the call, the loop calls the owner's
//! `returned` (`Suspended`). It goes on from there, and leaves the frame as an eval
//! hook that ran a frame partway leaves it: suspended at another call, or at a `pc`
//! with the operand stack as the interpreter would have it there; an error it
//! returns is raised in the frame at its `pc`. When the call raises instead, the
//! owner's `unwinding` is called before the frame's handlers are looked at: it
//! leaves the operand stack as the interpreter would have it after the `Call`
//! raised, and the exception unwinds from there.
//!
//! The owner is kept by the frame until then: code it holds stays alive even if it
//! was invalidated meanwhile (it sees that on `returned`). A frame discarded while
//! suspended (a greenlet collected mid-call) drops its owner without a call.
//!
//! Cost: the loop tests each frame it switches to for a suspension (a field of the
//! frame it reads anyway) and compares its `pc` only when one is there.
//! Depends on the frame stack, the value stack and the call fast path's rules.

use super::hooks::FrameRef;
use super::{PyResult, Vm};
use crate::code::Instr;
use crate::object::{Function, Value};
use std::rc::Rc;

/// What owns a suspended frame: called when the call it was suspended at is over.
pub trait Suspended {
    /// The call returned into `frame` (the top frame); its value is on top of the
    /// value stack. `at` is what was given to `suspend_at_call`.
    fn returned(self: Rc<Self>, vm: &mut Vm, frame: FrameRef, at: u32) -> PyResult<()>;
    /// The call raised and the exception is about to unwind through `frame`: leave
    /// its operand stack as the interpreter would have it after the `Call`
    /// instruction raised. Must not run Python code.
    fn unwinding(self: Rc<Self>, vm: &mut Vm, frame: FrameRef, at: u32);
}

/// A frame's suspension: who resumes it, and where its call returns to.
pub struct Suspension {
    owner: Rc<dyn Suspended>,
    at: u32,
    /// The frame's `pc` once its `Call` ran: the instruction after it.
    resume_pc: u32,
}

impl Suspension {
    /// Whether the frame, at `pc`, is back from the call it is suspended at (else it
    /// is about to make it).
    #[inline(always)]
    pub fn returns_at(&self, pc: usize) -> bool {
        self.resume_pc as usize == pc
    }
}

impl Vm {
    /// Whether the `Call` instruction would push a frame for calling `func` with
    /// `nargs` arguments (the receiver included), by its fast path's rule: the
    /// calls a frame can be suspended at. The answer holds until Python code runs.
    pub fn call_pushes_frame(&self, func: &Function, nargs: usize) -> bool {
        self.simple_code(func, nargs).is_some()
    }

    /// Suspend frame `frame` (the top frame) at its `Call` instruction at `call_pc`,
    /// whose operands are on top of the value stack and whose callable is a
    /// function `call_pushes_frame` accepts for them: the loop makes the call when
    /// the frame is handed back, and `owner` gets the frame back when it is over
    /// (with `at`). False, and nothing changed, when `call_pc` is not a `Call`
    /// with those operands.
    pub fn suspend_at_call(
        &mut self,
        frame: FrameRef,
        call_pc: usize,
        owner: Rc<dyn Suspended>,
        at: u32,
    ) -> bool {
        let height = self.stack.len();
        let Some(f) = self.frames.get(frame.index) else {
            return false;
        };
        let Some(&Instr::Call(n)) = f.code.instrs.get(call_pc) else {
            return false;
        };
        let operands = n as usize + 2;
        let Some(callable_at) = height.checked_sub(operands) else {
            return false;
        };
        let pushes = match self.stack.get(callable_at) {
            Some(Value::Function(func)) => {
                let receiver = self
                    .stack
                    .get(callable_at + 1)
                    .is_some_and(|r| !r.is_null());
                self.call_pushes_frame(func, n as usize + receiver as usize)
            }
            _ => false,
        };
        let top = frame.index + 1 == self.frames.len();
        let Some(f) = self.frames.get_mut(frame.index) else {
            return false;
        };
        if !pushes || !top || callable_at < f.stack_base() {
            return false;
        }
        f.pc = call_pc;
        f.suspended = Some(Suspension {
            owner,
            at,
            resume_pc: call_pc as u32 + 1,
        });
        true
    }

    /// Suspend frame `frame` (the top frame), its `pc` after an instruction whose
    /// work a callee frame the caller pushes next (`Vm::push_resumed_frame`)
    /// finishes: when that frame returns, its value is pushed on this frame's
    /// operand stack and `owner` gets the frame back (`returned`, with `at` 0)
    /// instead of the loop going on at its `pc`. False, and nothing changed, when
    /// the frame is not the top frame or is suspended already.
    pub fn suspend_for_callee(&mut self, frame: FrameRef, owner: Rc<dyn Suspended>) -> bool {
        let top = frame.index + 1 == self.frames.len();
        let Some(f) = self.frames.get_mut(frame.index) else {
            return false;
        };
        if !top || f.suspended.is_some() {
            return false;
        }
        f.suspended = Some(Suspension {
            owner,
            at: 0,
            resume_pc: f.pc as u32,
        });
        true
    }

    /// The call frame `fi` (the top frame) was suspended at returned: its owner
    /// takes the frame on.
    #[cold]
    #[inline(never)]
    pub(super) fn resume_suspended(&mut self, fi: usize) -> PyResult<()> {
        let Some(s) = self.frames.get_mut(fi).and_then(|f| f.suspended.take()) else {
            return Ok(());
        };
        s.owner.returned(self, FrameRef { index: fi }, s.at)
    }

    /// An exception is about to unwind through the top frame: if it is suspended
    /// at the call that raised, its owner rebuilds it first.
    #[inline(always)]
    pub(super) fn unwinding_suspended(&mut self) {
        let Some(fi) = self.frames.len().checked_sub(1) else {
            return;
        };
        let Some(s) = self.frames.get_mut(fi).and_then(|f| f.suspended.take()) else {
            return;
        };
        s.owner.unwinding(self, FrameRef { index: fi }, s.at);
    }
}
