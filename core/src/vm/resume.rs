//! Frames rebuilt by an extension: a call that ran by other means (inlined into
//! compiled code) handed back to the interpreter in the middle of its body.
//!
//! A loop hook that took a frame over may leave it in the middle of a call it
//! inlined. It then hands back both: the caller, with its `pc` after the call and
//! its operand stack as it was below the call's operands, and above it the callee's
//! frame, pushed here, resuming at an instruction with its slots and operand stack
//! as they were there. When the callee returns, its value is pushed on the caller's
//! operand stack and the caller goes on at its `pc`, as after any call.
//!
//! No frame-entry event is sent (no eval hook, trace `call` or profile event): the
//! frame is not starting, it is resumed where the call already was. Depends on the
//! frame stack and the value stack.

use super::frame::{Frame, Scope};
use super::{PyResult, Vm};
use crate::object::{Function, Value};
use std::rc::Rc;

impl Vm {
    /// Push a frame of `func` that resumes at `pc`, above the top frame: `slots` are
    /// its local slots in order (arguments first; missing ones are unbound), `stack`
    /// its operand stack, bottom first. It returns into the frame below it, at that
    /// frame's `pc`.
    ///
    /// Its free variables are the function's closure cells, as a call installs
    /// them. Refused with SystemError for a function whose frame needs more than
    /// that (cells of its own, a generator or coroutine) or a `pc` outside its
    /// code; RecursionError past the recursion limit, as the call would have raised.
    pub fn push_resumed_frame(
        &mut self,
        func: &Rc<Function>,
        slots: &[Value],
        stack: &[Value],
        pc: usize,
    ) -> PyResult<()> {
        self.push_resumed(func, slots, stack, pc, None)
    }

    /// `push_resumed_frame` for the `__init__` of a class call (`Vm::plain_init`)
    /// that made `instance`: as the interpreter's own, the frame gives the caller
    /// the instance when it returns None, and raises TypeError ("__init__() should
    /// return None, not 'int'") when it returns anything else.
    pub fn push_resumed_init_frame(
        &mut self,
        func: &Rc<Function>,
        slots: &[Value],
        stack: &[Value],
        pc: usize,
        instance: Value,
    ) -> PyResult<()> {
        self.push_resumed(func, slots, stack, pc, Some(instance))
    }

    fn push_resumed(
        &mut self,
        func: &Rc<Function>,
        slots: &[Value],
        stack: &[Value],
        pc: usize,
        init_of: Option<Value>,
    ) -> PyResult<()> {
        let code = func.code();
        let closure = func.closure.as_ref().map_or(&[][..], |c| &c.items[..]);
        if !code.cellvars.is_empty()
            || closure.len() != code.freevars.len()
            || code.is_generator()
            || slots.len() > code.nlocals()
            || pc >= code.instrs.len()
        {
            let msg = format!(
                "cannot resume a frame of {} at instruction {pc}",
                code.qualname.as_str()
            );
            return Err(self.new_error(&self.types.system_error, &msg));
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let ret_sp = self.stack.len();
        self.stack.extend(slots.iter().cloned());
        self.stack
            .extend((slots.len()..code.nlocals()).map(|_| Value::Null));
        self.stack.extend(closure.iter().cloned());
        self.stack.extend(stack.iter().cloned());
        self.enter_frame(|| Frame {
            scope: Scope::Function(func.clone()),
            code,
            locals: None,
            base: ret_sp,
            ret_sp,
            pc,
            entry: false,
            owns_segment: false,
            init_of,
            gen: None,
            data: None,
            suspended: None,
        });
        Ok(())
    }
}
