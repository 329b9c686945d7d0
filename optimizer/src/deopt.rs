//! Leaving a unit: the frame state of an exit rebuilt in the interpreter's frame.
//!
//! Locals are already in the frame's slots. The operand stack keeps the entries
//! the exit says it keeps, then gets the values the exit pushes, and the frame
//! resumes at the exit's instruction. A pushed local found unbound sends the frame
//! back to the `LoadFast` that read it instead, which raises UnboundLocalError
//! there as it would have.
//!
//! Depends on `unit` and on core's frames and value stack.

use crate::unit::{ExitId, Slot, Src, Unit};
use tripwire_core::object::Value;
use tripwire_core::Vm;

/// Rebuild the top frame (index `frame`, operand stack from `stack_base`) at exit
/// `exit` of `unit`. Returns the instruction it resumes at.
pub fn rebuild(
    vm: &mut Vm,
    unit: &Unit,
    frame: usize,
    base: usize,
    stack_base: usize,
    temps: &[Value],
    exit: ExitId,
) -> u32 {
    let Some(state) = unit.exits.get(exit.0 as usize) else {
        return unit.entry_pc;
    };
    let mut pushed = Vec::with_capacity(state.pushed.len());
    let mut pc = state.pc;
    for p in &state.pushed {
        let v = match p.src {
            Src::Slot(Slot::Local(i)) => vm.stack.get(base + i as usize).cloned(),
            Src::Slot(Slot::Stack(k)) => vm.stack.get(stack_base + k as usize).cloned(),
            Src::Slot(Slot::Temp(t)) => temps.get(t as usize).cloned(),
            Src::Const(c) => unit.constants.get(c as usize).cloned(),
        }
        .unwrap_or(Value::Null);
        // Only a local read lazily can be unbound; a null anywhere else is the
        // "no self" marker under a callable.
        if v.is_null() && matches!(p.src, Src::Slot(Slot::Local(_))) {
            pc = p.origin;
            break;
        }
        pushed.push(v);
    }
    vm.stack.truncate(stack_base + state.kept as usize);
    vm.stack.extend(pushed);
    if let Some(f) = vm.frames.get_mut(frame) {
        f.pc = pc as usize;
    }
    pc
}
