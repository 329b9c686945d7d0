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

use super::{Entered, Finished, Installed, Optimizer, FUNCTION};
use crate::backend::interp::Start;
use crate::deopt;
use crate::unit::{Op, Unit};
use std::rc::Rc;
use std::time::Instant;
use tripwire_core::vm::hooks::FrameRef;
use tripwire_core::vm::suspend::Suspended;
use tripwire_core::{PyResult, Vm};

impl Suspended for Unit {
    fn returned(self: Rc<Self>, vm: &mut Vm, frame: FrameRef, at: u32) -> PyResult<()> {
        let Some(shared) = vm.extension_state::<Installed>().map(|s| s.0.clone()) else {
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
        let whole_function = entry.unit.whole_function;
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
        let raise = match (at as usize)
            .checked_sub(1)
            .and_then(|i| self.reg_ops.get(i))
            .map(|op| op.get())
        {
            Some(Op::Call { raise, .. }) => raise,
            _ => crate::unit::ExitId(0),
        };
        if let Some((base, stack_base)) = frame.frame(vm).map(|f| (f.base, f.stack_base())) {
            // A call not in an inlined body: no callee frame to push, nothing fails.
            let _ = deopt::rebuild(vm, &self, frame.index, base, stack_base, raise);
        }
        self.finished_running();
    }
}

impl Entered {
    /// A resumption while the optimizer is busy (a callback of its own ran Python
    /// code): run with no fills, statistics or timeline.
    fn unattended(unit: Rc<Unit>, frame: FrameRef, base: usize, stack_base: usize) -> Entered {
        Entered {
            id: crate::deps::UnitId(unit.id.get()),
            code: unit.code.clone(),
            head: unit.entry_pc,
            depth: loop_depth(&unit),
            unit,
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
    /// A suspended run of `unit` goes on over `frame`.
    fn resumed(
        &mut self,
        unit: Rc<Unit>,
        frame: FrameRef,
        base: usize,
        stack_base: usize,
    ) -> Entered {
        let mut entry = Entered::unattended(unit, frame, base, stack_base);
        entry.stress = (self.options.stress_deopt > 0)
            .then(|| std::mem::replace(&mut self.stress, crate::backend::interp::Stress::new(0)));
        entry.began = self.chrome.is_some().then(Instant::now);
        self.stats.resumptions += 1;
        entry
    }
}
