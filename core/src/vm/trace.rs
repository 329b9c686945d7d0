//! `sys.settrace` and `sys.setprofile`: the events CPython 3.13's legacy tracing
//! reports, from the places the evaluation loop already passes through.
//!
//! - call: when the default evaluator starts a frame (`frame_started`, reached from
//!   the frame-entry check of `hooks`), including each generator resumption; the
//!   global trace function's result becomes the frame's `f_trace`.
//! - line / opcode / return (and the profile's return): before an instruction, from
//!   the loop's attention slow path (`instruction`), which tracing and profiling
//!   keep enabled. A line event fires when an instruction's line differs from the
//!   line of the frame's previous instruction, or a jump goes backwards.
//! - exception / return on unwinding: from `unwind` (`exception_raised`,
//!   `frame_unwound`).
//! - c_call / c_return / c_exception: around calls of built-in functions made by
//!   call instructions (`profile_native_call`).
//!
//! Trace and profile functions run with tracing suspended for the thread. One that
//! raises turns tracing (or profiling) off for the thread and its exception
//! propagates from the traced point, as in CPython. Nothing is ever copied from a
//! snapshot back into a frame: trace functions see and change variables through
//! `frame.f_locals`, which writes through.
//!
//! Depends on the frame objects (`frame_object`), the hooks' thread state and the
//! call machinery.

use super::jump::{Event, TraceSite, LANDED};
use super::{PyErr, PyResult, Vm};
use crate::code::Instr;
use crate::object::Value;

impl Vm {
    /// `sys.settrace`: None turns tracing off.
    pub fn set_trace(&mut self, f: Value) {
        self.thread.trace = f;
        self.hooks_changed();
    }

    /// `sys.setprofile`: None turns profiling off.
    pub fn set_profile(&mut self, f: Value) {
        self.thread.profile = f;
        self.hooks_changed();
    }

    /// Call a trace or profile function with tracing suspended; `site` says what
    /// setting `f_lineno` may do meanwhile. A jump it set is dropped if it raises.
    fn call_tracer(
        &mut self,
        f: &Value,
        index: usize,
        event: &str,
        site: Event,
        arg: Value,
    ) -> PyResult<Value> {
        let data = self.frame_data_at(index);
        let (frame, here) = match &data {
            Some(d) => {
                let slots = d.code.nlocalsplus();
                let depth = self
                    .frame_values(index)
                    .map_or(0, |v| v.len().saturating_sub(slots));
                let here = TraceSite {
                    event: site,
                    frame: d.clone(),
                    depth,
                };
                (self.frame_object(d), Some(here))
            }
            None => (Value::None, None),
        };
        let outer = std::mem::replace(&mut self.thread.trace_site, here);
        self.thread.tracing += 1;
        let r = self.call(f, &[frame, Value::str(event), arg], &[]);
        self.thread.tracing -= 1;
        self.thread.trace_site = outer;
        if let (Err(_), Some(d)) = (&r, &data) {
            d.jump.borrow_mut().take();
        }
        r
    }

    /// A profile event; a profile function that raises is removed.
    fn profile_event(
        &mut self,
        index: usize,
        event: &str,
        site: Event,
        arg: Value,
    ) -> PyResult<()> {
        if self.thread.profile.is_none() || self.thread.tracing > 0 {
            return Ok(());
        }
        let f = self.thread.profile.clone();
        match self.call_tracer(&f, index, event, site, arg) {
            Ok(_) => Ok(()),
            Err(e) => {
                self.set_profile(Value::None);
                Err(e)
            }
        }
    }

    /// A local trace event for the frame at `index`, if it has a local trace
    /// function; its result replaces `f_trace` unless None.
    fn trace_event(&mut self, index: usize, event: &str, site: Event, arg: Value) -> PyResult<()> {
        let Some(d) = self.frames.get(index).and_then(|f| f.data.clone()) else {
            return Ok(());
        };
        let f = d.trace.borrow().clone();
        if f.is_none() {
            return Ok(());
        }
        match self.call_tracer(&f, index, event, site, arg) {
            Ok(r) => {
                if !r.is_none() {
                    *d.trace.borrow_mut() = r;
                }
                Ok(())
            }
            Err(e) => Err(self.trace_failed(&d, e)),
        }
    }

    /// A trace function raised: tracing is off for this thread, the frame's
    /// `f_trace` is cleared, and the exception goes on.
    fn trace_failed(&mut self, d: &super::frame_object::FrameData, e: PyErr) -> PyErr {
        self.set_trace(Value::None);
        *d.trace.borrow_mut() = Value::None;
        e
    }

    /// The default evaluator starts the frame on top (resuming a generator with an
    /// exception `thrown` into it, perhaps): the call events. A jump set at a
    /// resumed generator's 'call' event is made here.
    pub fn frame_started(&mut self, thrown: bool) -> PyResult<()> {
        if self.thread.tracing > 0 || (self.thread.profile.is_none() && self.thread.trace.is_none())
        {
            return Ok(());
        }
        let index = self.frames.len() - 1;
        // A generator that lands where a jump set at its yield took it resumes with
        // no event, as CPython's skips the instruction that reports resumptions.
        if let Some(d) = &self.frames[index].data {
            if d.prev_pc.get() == LANDED {
                return Ok(());
            }
        }
        let pc = self.frames[index].pc;
        let site = match (pc > 0 && self.frames[index].code.is_generator(), thrown) {
            (false, _) => Event::NewFrame,
            (true, false) => Event::Resumed,
            (true, true) => Event::Other,
        };
        self.profile_event(index, "call", site, Value::None)?;
        let global = self.thread.trace.clone();
        if !global.is_none() {
            let Some(d) = self.frame_data_at(index) else {
                return Ok(());
            };
            // A resumed generator continues on the line it stopped at.
            d.prev_pc.set(pc.checked_sub(1).unwrap_or(usize::MAX));
            match self.call_tracer(&global, index, "call", site, Value::None) {
                Ok(r) => {
                    if !r.is_none() {
                        *d.trace.borrow_mut() = r;
                    }
                }
                Err(e) => return Err(self.trace_failed(&d, e)),
            }
        }
        if let Some(d) = self.frames[index].data.clone() {
            if let Some(target) = self.jump_now(index, &d) {
                self.frames[index].pc = target;
                d.prev_pc.set(LANDED);
            }
        }
        Ok(())
    }

    /// Before the instruction at `pc` of frame `fi` while tracing or profiling:
    /// line, opcode and return events. Returns the instruction to run, another one
    /// when a trace function jumped at the line event.
    #[cold]
    #[inline(never)]
    pub fn trace_instruction(&mut self, fi: usize, pc: usize) -> PyResult<usize> {
        if self.thread.tracing > 0 {
            return Ok(pc);
        }
        let Some(f) = self.frames.get(fi) else {
            return Ok(pc);
        };
        let code = f.code.clone();
        let mut pc = pc;
        if !self.thread.trace.is_none() {
            if let Some(d) = f.data.clone() {
                let instr = code.instrs.get(pc).copied();
                // An exception handler's entry has no line of its own (CPython's has
                // none): the handler's first line is news after the raising one.
                let lineless = has_no_line(instr);
                let prev = match lineless {
                    true => d.prev_pc.get(),
                    false => d.prev_pc.replace(pc),
                };
                if !d.trace.borrow().is_none() {
                    // During the events the frame is at this instruction.
                    self.frames[fi].pc = pc + 1;
                    // A new line, or the same line again for a loop's next round, as
                    // CPython reports them after its JUMP_BACKWARD: at a `for` loop's
                    // next step (whose jump back to the body is then no news), and
                    // after any other jump back but the one to a `yield from`'s
                    // `Send` (CPython's JUMP_BACKWARD_NO_INTERRUPT reports nothing).
                    // A jump's landing is no news either.
                    let new_line = !lineless
                        && prev != LANDED
                        && (prev == usize::MAX
                            || code.line_of(pc) != code.line_of(prev)
                            || matches!(instr, Some(Instr::ForIterBack(_)))
                            || (pc <= prev
                                && !code.is_delegation_jump(prev)
                                && !matches!(code.instrs.get(prev), Some(Instr::ForIterBack(_)))));
                    let mut jumped = false;
                    if new_line && d.trace_lines.get() {
                        self.trace_event(fi, "line", Event::Line, Value::None)?;
                        if let Some(target) = self.jump_now(fi, &d) {
                            pc = target;
                            d.prev_pc.set(pc);
                            jumped = true;
                        }
                    }
                    if d.trace_opcodes.get() && !jumped {
                        self.trace_event(fi, "opcode", Event::Other, Value::None)?;
                    }
                    let instr = code.instrs.get(pc).copied();
                    if leaves(instr) {
                        let v = self.leaving_value(&code, instr);
                        self.trace_event(fi, "return", return_site(instr), v)?;
                    }
                }
            }
        }
        let instr = code.instrs.get(pc).copied();
        if leaves(instr) && !self.thread.profile.is_none() {
            let v = self.leaving_value(&code, instr);
            self.profile_event(fi, "return", return_site(instr), v)?;
        }
        Ok(pc)
    }

    /// The value a returning or yielding instruction about to run hands out.
    fn leaving_value(&self, code: &crate::code::Code, instr: Option<Instr>) -> Value {
        match instr {
            Some(Instr::ReturnConst(i)) => code.consts.get(i as usize).cloned().unwrap_or_default(),
            _ => self.top().clone(),
        }
    }

    /// An exception was raised in (or propagated into) the frame on top.
    #[cold]
    #[inline(never)]
    pub fn exception_raised(&mut self, err: PyErr) -> PyErr {
        if self.thread.trace.is_none() || self.thread.tracing > 0 || self.frames.is_empty() {
            return err;
        }
        let index = self.frames.len() - 1;
        let exc = err.value().clone();
        let ty = Value::Type(self.type_of(&exc));
        let tb = self.traceback_of(&exc);
        let arg = Value::tuple(vec![ty, exc, tb]);
        match self.trace_event(index, "exception", Event::Other, arg) {
            Ok(()) => err,
            Err(e) => e,
        }
    }

    /// The frame on top leaves because of an exception: its return events, with
    /// None.
    #[cold]
    #[inline(never)]
    pub fn frame_unwound(&mut self, err: PyErr) -> PyErr {
        if self.thread.tracing > 0 || self.frames.is_empty() {
            return err;
        }
        let index = self.frames.len() - 1;
        let mut err = err;
        if !self.thread.trace.is_none() {
            if let Err(e) = self.trace_event(index, "return", Event::Other, Value::None) {
                err = e;
            }
        }
        if let Err(e) = self.profile_event(index, "return", Event::Other, Value::None) {
            err = e;
        }
        err
    }

    /// A call instruction calls a built-in function while profiling: c_call, then
    /// c_return or c_exception.
    #[cold]
    #[inline(never)]
    pub fn profile_native_call(
        &mut self,
        callee: &Value,
        args: &[Value],
        kwargs: &[crate::object::function::KwArg],
    ) -> PyResult<Value> {
        if self.thread.tracing > 0 || self.frames.is_empty() {
            return self.call(callee, args, kwargs);
        }
        let index = self.frames.len() - 1;
        self.profile_event(index, "c_call", Event::NativeCall, callee.clone())?;
        match self.call(callee, args, kwargs) {
            Ok(v) => {
                self.profile_event(index, "c_return", Event::NativeCall, callee.clone())?;
                Ok(v)
            }
            Err(e) => {
                self.profile_event(index, "c_exception", Event::Other, callee.clone())?;
                Err(e)
            }
        }
    }
}

/// Whether an instruction has no line of its own, for line events and jumps: an
/// exception handler's entry.
pub fn has_no_line(instr: Option<Instr>) -> bool {
    matches!(instr, Some(Instr::PushExcInfo))
}

/// Whether an instruction leaves its frame (returns or yields).
fn leaves(instr: Option<Instr>) -> bool {
    matches!(
        instr,
        Some(Instr::Return | Instr::ReturnConst(_) | Instr::YieldValue(_))
    )
}

/// The 'return' event of a leaving instruction: a yield's allows a jump, made when
/// the generator resumes.
fn return_site(instr: Option<Instr>) -> Event {
    match instr {
        Some(Instr::YieldValue(_)) => Event::Yield,
        _ => Event::Other,
    }
}
