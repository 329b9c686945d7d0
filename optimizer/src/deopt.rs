//! Leaving a unit: the frame state of an exit rebuilt in the interpreter's frames.
//!
//! Locals are already in the frame's slots. The operand stack keeps the entries
//! the exit says it keeps, then gets the values the exit pushes, and the frame
//! resumes at the exit's instruction. A pushed local found unbound sends the frame
//! back to the `LoadFast` that read it instead, which raises UnboundLocalError
//! there as it would have. An exit inside an inlined call also pushes the callee's
//! frame (`Vm::push_resumed_frame`) with its slots and operand stack, the same rule
//! applying to values read lazily from its slots; the caller resumes after the call
//! when the callee returns.
//!
//! Depends on `unit` and on core's frames and value stack.

use crate::unit::{ExitId, Pushed, Returns, Slot, Src, Unit};
use tripwire_core::object::Value;
use tripwire_core::{PyResult, Vm};

/// Where the values of the unit's frame are while an exit is rebuilt (its
/// temporaries on the value stack above the operand stack entries it was entered
/// with).
struct Sources<'a> {
    unit: &'a Unit,
    base: usize,
    stack_base: usize,
}

impl Sources<'_> {
    fn value(&self, vm: &Vm, src: Src) -> Value {
        match src {
            Src::Slot(Slot::Local(i)) => vm.stack.get(self.base + i as usize).cloned(),
            Src::Slot(Slot::Stack(k)) => vm.stack.get(self.stack_base + k as usize).cloned(),
            Src::Slot(Slot::Temp(t)) => {
                let temps = self.stack_base + self.unit.entry_depth as usize;
                vm.stack.get(temps + t as usize).cloned()
            }
            Src::Const(c) => self.unit.constants.get(c as usize).cloned(),
        }
        .unwrap_or(Value::Null)
    }

    /// The values of `pushed`, up to the first one read lazily from a local slot
    /// (`is_local`) that is unbound: then also that value's `origin`, where the
    /// frame must resume instead.
    fn pushed(
        &self,
        vm: &Vm,
        pushed: &[Pushed],
        is_local: impl Fn(Src) -> bool,
    ) -> (Vec<Value>, Option<u32>) {
        let mut values = Vec::with_capacity(pushed.len());
        for p in pushed {
            let v = self.value(vm, p.src);
            // Only a local read lazily can be unbound; a null anywhere else is the
            // "no self" marker under a callable.
            if v.is_null() && is_local(p.src) {
                return (values, Some(p.origin));
            }
            values.push(v);
        }
        (values, None)
    }
}

/// Rebuild the top frame (index `frame`, operand stack from `stack_base`) at exit
/// `exit` of `unit`, and the frames of the inlined calls it left in. Fails only
/// when a callee's frame cannot be pushed (its error is raised there).
pub fn rebuild(
    vm: &mut Vm,
    unit: &Unit,
    frame: usize,
    base: usize,
    stack_base: usize,
    exit: ExitId,
) -> PyResult<()> {
    let Some(state) = unit.exits.get(exit.0 as usize) else {
        vm.stack.truncate(stack_base + unit.entry_depth as usize);
        return Ok(());
    };
    let sources = Sources {
        unit,
        base,
        stack_base,
    };
    let (pushed, mut unbound_at) = sources.pushed(vm, &state.pushed, |src| {
        matches!(src, Src::Slot(Slot::Local(_)))
    });
    // Read before the unit's temporaries go: each callee's slots and stack, up to
    // one that resumes at an unbound local's load (nothing above it was called).
    let mut callees = Vec::new();
    for callee in &state.inlined {
        if unbound_at.is_some() {
            break;
        }
        let slots: Vec<Value> = callee.slots.iter().map(|&s| sources.value(vm, s)).collect();
        let (values, origin) =
            sources.pushed(vm, &callee.pushed, |src| callee.slots.contains(&src));
        unbound_at = origin;
        callees.push((callee, slots, values, origin.unwrap_or(callee.pc)));
    }
    let unbound_in_frame = callees.is_empty().then_some(unbound_at).flatten();
    vm.stack.truncate(stack_base + state.kept as usize);
    vm.stack.extend(pushed);
    if let Some(f) = vm.frames.get_mut(frame) {
        f.pc = unbound_in_frame.unwrap_or(state.pc) as usize;
    }
    for (callee, slots, values, pc) in callees {
        if let Some(Value::Function(func)) = unit.constants.get(callee.func as usize) {
            let func = func.clone();
            match (callee.returns, &slots[..]) {
                (Returns::Instance, [instance, ..]) => {
                    let instance = instance.clone();
                    vm.push_resumed_init_frame(&func, &slots, &values, pc as usize, instance)?
                }
                (Returns::Operator(op), [a, b, ..]) => {
                    let operands = (op, a.clone(), b.clone());
                    vm.push_resumed_operator_frame(&func, &slots, &values, pc as usize, operands)?
                }
                _ => vm.push_resumed_frame(&func, &slots, &values, pc as usize)?,
            }
        }
    }
    Ok(())
}
