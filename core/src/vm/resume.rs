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
//! The method of a binary operator resumed so (`push_resumed_operator_frame`)
//! gives the operator's result: a NotImplemented it returns goes on with the rest
//! of the operator's protocol.
//!
//! No frame-entry event is sent (no eval hook, trace `call` or profile event): the
//! frame is not starting, it is resumed where the call already was. Depends on the
//! frame stack and the value stack.

use super::frame::{Frame, Scope};
use super::hooks::FrameRef;
use super::suspend::Suspended;
use super::{PyResult, Vm};
use crate::code::BinOp;
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

    /// `push_resumed_frame` for the method `a.__op__(b)` of binary operator `op`
    /// in the frame below (the top frame, its `pc` the instruction after the
    /// operator's, its operand stack below the operator's operands),
    /// called by the operator with no reflected method of a subclass of `a`'s
    /// class tried first. When the method returns, the frame below gets the
    /// operator's result: the value returned, or for NotImplemented the rest of
    /// the operator's protocol (`Vm::binary_op_after_left`), whose error raises
    /// there. The frame below is suspended meanwhile (see `suspend`), so nothing
    /// is added to any frame's return.
    pub fn push_resumed_operator_frame(
        &mut self,
        func: &Rc<Function>,
        slots: &[Value],
        stack: &[Value],
        pc: usize,
        (op, a, b): (BinOp, Value, Value),
    ) -> PyResult<()> {
        let Some(below) = self.frames.len().checked_sub(1) else {
            return Err(self.new_error(&self.types.system_error, "no frame to return to"));
        };
        let rest = Rc::new(OperatorRest { op, a, b });
        if !self.suspend_for_callee(FrameRef { index: below }, rest) {
            let msg = "the frame below is suspended already";
            return Err(self.new_error(&self.types.system_error, msg));
        }
        self.push_resumed(func, slots, stack, pc, None)
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

/// The rest of a binary operator whose method a resumed frame runs: the frame
/// below is suspended at the operator and takes its result from here.
struct OperatorRest {
    op: BinOp,
    a: Value,
    b: Value,
}

impl Suspended for OperatorRest {
    fn returned(self: Rc<Self>, vm: &mut Vm, _frame: FrameRef, _at: u32) -> PyResult<()> {
        let Some(v) = vm.stack.pop() else {
            return Ok(());
        };
        let result = if vm.is_not_implemented(&v) {
            vm.binary_op_after_left(self.op, &self.a, &self.b)?
        } else {
            v
        };
        vm.stack.push(result);
        Ok(())
    }

    /// The method raised: the operator raised, its operands already gone.
    fn unwinding(self: Rc<Self>, _vm: &mut Vm, _frame: FrameRef, _at: u32) {}
}
