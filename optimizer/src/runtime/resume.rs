//! Units suspended at a call: the interpreter made the call (no native re-entry),
//! and the unit takes its frame on again when the call is over (core's
//! `vm::suspend`).
//!
//! A unit reaching a call of a Python function pushes the call's operands above its
//! temporaries and suspends its frame (`backend::interp`); the hook that ran it hands
//! the frame back. When the callee returns, `returned` runs the unit on from the op
//! after the call, as a new run of the same entry: attribute fills, statistics, the
//! timeline and the loop's "enter again soon" work as for any run. When the call
//! raises, `unwinding` rebuilds the frame at the call's raise exit, and the exception
//! unwinds from there as from the interpreter's own call.
//!
//! Depends on the runtime's state, `backend::interp` and `deopt`.

use super::{Compiled, Entered, Finished, Optimizer, FUNCTION};
use crate::backend::interp::Start;
use crate::deopt;
use crate::unit::{Op, Unit};
use std::rc::Rc;
use tripwire_core::vm::hooks::FrameRef;
use tripwire_core::vm::suspend::Suspended;
use tripwire_core::{PyResult, Vm};

impl Suspended for Compiled {
    fn returned(self: Rc<Self>, vm: &mut Vm, frame: FrameRef, at: u32) -> PyResult<()> {
        let Some(shared) = self.optimizer.upgrade() else {
            return Ok(());
        };
        let Some((base, stack_base)) = frame.frame(vm).map(|f| (f.base, f.stack_base())) else {
            return Ok(());
        };
        let mut entry = match shared.try_borrow_mut() {
            Ok(mut opt) => opt.resumed(self, frame, base, stack_base),
            Err(_) => Entered::unattended(self, frame, base, stack_base),
        };
        let finished = entry.run(vm, &shared, Start::Returned { at });
        let whole_function = entry.compiled.unit.whole_function;
        if let Ok(mut opt) = shared.try_borrow_mut() {
            if opt.left(vm, entry, finished.exit()) && !whole_function {
                if let Some(me) = opt.loop_hook {
                    vm.call_loop_hook_soon(me);
                }
            }
        }
        match finished {
            Finished::Exit(_) | Finished::Suspended => Ok(()),
            Finished::Raised(_, e) => Err(e),
            Finished::Returned(v, pc) => {
                // The frame's own return instruction returns it.
                vm.stack.truncate(stack_base);
                vm.stack.push(v);
                if let Some(f) = frame.frame_mut(vm) {
                    f.pc = pc as usize;
                }
                Ok(())
            }
        }
    }

    fn unwinding(self: Rc<Self>, vm: &mut Vm, frame: FrameRef, at: u32) {
        let unit = &self.unit;
        let raise = match (at as usize)
            .checked_sub(1)
            .and_then(|i| unit.reg_ops.get(i))
            .map(|op| op.get())
        {
            Some(Op::Call { raise, .. }) => raise,
            _ => crate::unit::ExitId(0),
        };
        if let Some((base, stack_base)) = frame.frame(vm).map(|f| (f.base, f.stack_base())) {
            // A call not in an inlined body: no callee frame to push, nothing fails.
            let _ = deopt::rebuild(vm, unit, frame.index, base, stack_base, raise);
        }
        unit.finished_running();
    }
}

impl Entered {
    /// A resumption while the optimizer is busy (a callback of its own ran Python
    /// code): run with no fills, statistics or timeline.
    fn unattended(
        compiled: Rc<Compiled>,
        frame: FrameRef,
        base: usize,
        stack_base: usize,
    ) -> Entered {
        let unit = &compiled.unit;
        Entered {
            id: crate::deps::UnitId(unit.id.get()),
            head: unit.entry_pc,
            depth: loop_depth(unit),
            compiled,
            frame: frame.index,
            base,
            stack_base,
            stress: None,
            began: None,
        }
    }
}

/// The key of a unit's entry in its code's loop list.
fn loop_depth(unit: &Unit) -> u32 {
    if unit.whole_function {
        FUNCTION
    } else {
        unit.entry_depth
    }
}

impl Optimizer {
    /// A suspended run of `compiled` goes on over `frame`.
    fn resumed(
        &mut self,
        compiled: Rc<Compiled>,
        frame: FrameRef,
        base: usize,
        stack_base: usize,
    ) -> Entered {
        self.stats.resumptions += 1;
        let (head, depth) = (compiled.unit.entry_pc, loop_depth(&compiled.unit));
        self.entering(compiled, frame, base, stack_base, head, depth)
    }
}
