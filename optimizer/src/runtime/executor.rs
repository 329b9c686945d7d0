//! A compiled unit as core sees it (`Compiled`): the executor installed on the code
//! object of a function compiled whole, which the interpreter calls at each plain
//! entry of its frames (core's `vm::executor`), and the owner of the frames its
//! runs suspend at calls (`resume.rs`).
//!
//! It holds the optimizer weakly, so that no lookup of the interpreter's extension
//! state stands between a call and its unit, and a code object keeping its executor
//! does not keep the optimizer alive.
//! Depends on the runtime's state (`Entered`, `Optimizer::left`).

use super::{Entered, Finished, Optimizer, FUNCTION};
use crate::backend::interp::Start;
use crate::deps::UnitId;
use crate::unit::Unit;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use tripwire_core::code::flags;
use tripwire_core::vm::eval::Exit as EvalExit;
use tripwire_core::vm::executor::Executor;
use tripwire_core::vm::hooks::{FrameRef, HookAction};
use tripwire_core::{PyResult, Vm};

/// A unit and the optimizer that compiled it.
pub(crate) struct Compiled {
    pub unit: Rc<Unit>,
    pub optimizer: Weak<RefCell<Optimizer>>,
}

impl Entered {
    /// Run a function's unit from the frame's start, settle the run with the
    /// optimizer, and answer the interpreter as an executor does.
    pub(super) fn run_function(
        mut self,
        vm: &mut Vm,
        shared: &Rc<RefCell<Optimizer>>,
    ) -> HookAction {
        let finished = self.run(vm, shared, Start::Entry);
        // A run that returned has nothing to settle but what it borrowed.
        let settled = matches!(finished, Finished::Returned(..))
            && self.stress.is_none()
            && self.began.is_none();
        if !settled {
            if let Ok(mut opt) = shared.try_borrow_mut() {
                opt.left(vm, self, finished.exit());
            }
        }
        match finished {
            Finished::Returned(v, _) => HookAction::Done(EvalExit::Return(v)),
            // The frame goes on in the interpreter, from the exit or with the call
            // it is suspended at.
            Finished::Exit(_) | Finished::Suspended => HookAction::Continue,
            Finished::Raised(_, e) => HookAction::Raise(e),
        }
    }
}

impl Executor for Compiled {
    fn enter(self: Rc<Self>, vm: &mut Vm, frame: FrameRef) -> PyResult<HookAction> {
        if !self.unit.valid.get() {
            self.unit.code.entry.remove_executor();
            return Ok(HookAction::Continue);
        }
        let Some(shared) = self.optimizer.upgrade() else {
            return Ok(HookAction::Continue);
        };
        let Some(f) = frame.frame(vm) else {
            return Ok(HookAction::Continue);
        };
        // What a unit compiled from the function's start assumes of its frame.
        if vm.stack.len() != f.stack_base()
            || f.locals.is_some()
            || f.code.flags & (flags::GENERATOR | flags::COROUTINE) != 0
        {
            return Ok(HookAction::Continue);
        }
        let (base, stack_base) = (f.base, f.stack_base());
        let entry = match shared.try_borrow_mut() {
            Ok(mut opt) => {
                opt.stats.call_entries += 1;
                opt.entering(self.clone(), frame, base, stack_base, 0, FUNCTION)
            }
            Err(_) => return Ok(HookAction::Continue),
        };
        self.unit.entries.set(self.unit.entries.get() + 1);
        Ok(entry.run_function(vm, &shared))
    }
}

impl Optimizer {
    /// `compiled` about to run over `frame` (entered at `head` with `depth` stack
    /// entries, or `FUNCTION`), with what its run borrows from the optimizer.
    pub(super) fn entering(
        &mut self,
        compiled: Rc<Compiled>,
        frame: FrameRef,
        base: usize,
        stack_base: usize,
        head: u32,
        depth: u32,
    ) -> Entered {
        let stress = (self.options.stress_deopt > 0)
            .then(|| std::mem::replace(&mut self.stress, crate::backend::interp::Stress::new(0)));
        Entered {
            id: UnitId(compiled.unit.id.get()),
            compiled,
            frame: frame.index,
            base,
            stack_base,
            head,
            depth,
            stress,
            began: self.chrome.is_some().then(std::time::Instant::now),
        }
    }
}
