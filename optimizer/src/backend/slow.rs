//! The backend's out-of-line paths: an op's generic form (core's implementation of
//! the instruction, which may run Python code) and the leave checks after it,
//! calls handed to the interpreter, and the rare ops kept out of the run loop (what
//! they do allocates or calls anyway; their code in the loop cost the float
//! programs instructions).
//!
//! Depends on `unit`, the backend's registers and on core's values, calls and
//! iterators.

use super::attrs::{class_function, through_site};
use super::interp::{Fill, Ran, NESTED_CALLS};
use super::regs::{get, put};
use crate::unit::{Built, ExitId, Op, Operand, RegOp, Slow, Unit};
use smallvec::SmallVec;
use std::rc::Rc;
use tripwire_core::object::{ObjKind, Value};
use tripwire_core::vm::hooks::FrameRef;
use tripwire_core::vm::suspend::Suspended;
use tripwire_core::{PyResult, Vm};

/// Hand the call of op `at - 1` (calling the function in `func`) to the
/// interpreter, the frame suspended at it: its operands are pushed above the
/// temporaries and `unit` takes the frame on when it returns. False, with nothing
/// changed, when the call would not push a frame (the interpreter would not come
/// back) or an argument is an unbound local.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
pub(super) unsafe fn suspend(
    vm: &mut Vm,
    unit: &Unit,
    owner: &Rc<impl Suspended + 'static>,
    at: usize,
    func: Operand,
    recv: Operand,
    args: (u32, u32),
    exit: ExitId,
) -> bool {
    let Some(call_pc) = unit.exits.get(exit.0 as usize).map(|e| e.pc as usize) else {
        return false;
    };
    let consts: &[Value] = &unit.constants;
    let base = match vm.frames.last() {
        Some(f) => f.base,
        None => return false,
    };
    let regs = vm.stack.as_ptr().add(base);
    let (start, len) = (args.0 as usize, args.1 as usize);
    let Some(arg_srcs) = unit.reg_operands.get(start..start + len) else {
        return false;
    };
    let height = vm.stack.len();
    vm.stack.reserve(len + 2);
    vm.stack.push(get(regs, consts, func).dup());
    vm.stack
        .push(get(vm.stack.as_ptr().add(base), consts, recv).dup());
    for &src in arg_srcs {
        let v = get(vm.stack.as_ptr().add(base), consts, src).dup();
        if v.is_null() {
            // An unbound local: its load raises, in the interpreter.
            vm.stack.truncate(height);
            return false;
        }
        vm.stack.push(v);
    }
    let frame = FrameRef {
        index: vm.frames.len() - 1,
    };
    let owner: Rc<dyn Suspended> = owner.clone();
    if vm.suspend_at_call(frame, call_pc, owner, at as u32) {
        return true;
    }
    vm.stack.truncate(height);
    false
}

/// The generic form of a unit's instruction: core's implementation `f` for
/// operands the op's fast path does not take, which may run Python code: the
/// generic form of `generic` with the leave check after it, or the op's `exit`
/// when it has none or an operand is an unbound local (its load raises, in the
/// interpreter).
pub(super) fn slow_path(
    vm: &mut Vm,
    unit: &Unit,
    exit: ExitId,
    slow: Slow,
    operands: &[&Value],
    f: impl FnOnce(&mut Vm, &[Value]) -> PyResult<()>,
) -> Result<(), Ran> {
    let Slow::Generic { raise, after } = slow else {
        return Err(Ran::Exit(exit));
    };
    if operands.iter().any(|v| v.is_null()) {
        return Err(Ran::Exit(exit));
    }
    let held: SmallVec<[Value; 3]> = operands.iter().map(|v| v.dup()).collect();
    generic(vm, unit, exit, raise, |vm| f(vm, &held))?;
    if must_leave(vm, unit) {
        return Err(Ran::Exit(after));
    }
    Ok(())
}

/// `obj[index] = value` by the generic form of a `StoreSubscr` (core's
/// `setitem`, which may run `__setitem__`), for the operands its fast paths do
/// not take.
///
/// # Safety
///
/// As `run`: `op`'s operands are of the frame whose values start at `base`.
/// `Op::SuperMethod` and `Op::Getter`, out of line: their code inside the run
/// loop cost the loop's other ops (`nbody` 0.5% more instructions).
#[inline(never)]
pub(super) unsafe fn class_function_load(
    vm: &mut Vm,
    unit: &Unit,
    base: usize,
    op: &RegOp,
    fill: &mut Fill,
) -> Result<(), ExitId> {
    let consts = &unit.constants[..];
    let regs = vm.stack.as_mut_ptr().add(base);
    let (dst, recv, obj, attr, exit) = match *op {
        Op::SuperMethod {
            dst,
            recv,
            class,
            obj,
            expected,
            attr,
            exit,
        } => {
            let same_class = consts
                .get(expected as usize)
                .is_some_and(|c| get(regs, consts, class).is(c));
            if !same_class {
                return Err(exit);
            }
            (dst, recv, obj, attr, exit)
        }
        Op::Getter {
            dst,
            recv,
            obj,
            attr,
            exit,
        } => (dst, recv, obj, attr, exit),
        _ => return Err(ExitId(0)),
    };
    let Some(site) = unit.attrs.get(attr as usize) else {
        return Err(exit);
    };
    let o = get(regs, consts, obj).dup();
    let Some(m) = through_site(vm, site, &o, fill, class_function) else {
        return Err(exit);
    };
    let regs = vm.stack.as_mut_ptr().add(base);
    put(regs, dst, m);
    put(regs, recv, o);
    Ok(())
}

#[cold]
#[inline(never)]
pub(super) unsafe fn store_generically(
    vm: &mut Vm,
    unit: &Unit,
    base: usize,
    op: &RegOp,
) -> Result<(), Ran> {
    let &Op::StoreSubscr {
        obj,
        index,
        value,
        exit,
        slow,
    } = op
    else {
        return Err(Ran::Exit(ExitId(0)));
    };
    let (regs, consts) = (vm.stack.as_mut_ptr().add(base), &unit.constants[..]);
    let operands = [
        get(regs, consts, obj),
        get(regs, consts, index),
        get(regs, consts, value),
    ];
    slow_path(vm, unit, exit, slow, &operands, |vm, held| match held {
        [o, i, v] => vm.setitem(o, i.dup(), v.dup()),
        _ => Ok(()),
    })
}

/// `iter(src)` by the generic form of a `GetIter` (core's `get_iter`, which may
/// run `__iter__`), for an object its fast path does not take.
///
/// # Safety
///
/// As `run`: `op`'s operands are of the frame whose values start at `base`.
#[cold]
#[inline(never)]
pub(super) unsafe fn iter_generically(
    vm: &mut Vm,
    unit: &Unit,
    base: usize,
    op: &RegOp,
) -> Result<(), Ran> {
    let &Op::GetIter {
        dst,
        src,
        exit,
        slow,
    } = op
    else {
        return Err(Ran::Exit(ExitId(0)));
    };
    let (regs, consts) = (vm.stack.as_mut_ptr().add(base), &unit.constants[..]);
    slow_path(
        vm,
        unit,
        exit,
        slow,
        &[get(regs, consts, src)],
        |vm, held| {
            let it = match held {
                [v] => vm.get_iter(v)?,
                _ => return Ok(()),
            };
            put(vm.stack.as_mut_ptr().add(base), dst, it);
            Ok(())
        },
    )
}

/// A `for` loop's step of an iterator `step_in_place` does not take, by its
/// generic form (`GenericStep`, `generic_step` of `unit.steps`): true with the
/// item stored in `dst`, false once exhausted. After Python code ran, a unit that
/// must leave does so where the interpreter's step would have gone on: its
/// `item` exit, or its `exhausted` exit (the iterator popped).
///
/// # Safety
///
/// As `run`: `dst` is a register of the frame whose values start at `base`.
#[cold]
#[inline(never)]
pub(super) unsafe fn step_generically(
    vm: &mut Vm,
    unit: &Unit,
    base: usize,
    op: &RegOp,
) -> Result<bool, Ran> {
    let &Op::ForNext {
        iter,
        dst,
        exit,
        generic: generic_step,
        ..
    } = op
    else {
        return Err(Ran::Exit(ExitId(0)));
    };
    let Some(step) = generic_step
        .and_then(|g| unit.steps.get(g as usize))
        .copied()
    else {
        return Err(Ran::Exit(exit));
    };
    let it = (*vm.stack.as_ptr().add(base + iter as usize)).dup();
    let next = generic(vm, unit, exit, step.raise, |vm| vm.next(&it))?;
    let stepped = match next {
        Some(v) => {
            put(vm.stack.as_mut_ptr().add(base), dst, v);
            true
        }
        None => false,
    };
    match (must_leave(vm, unit), stepped) {
        (false, _) => Ok(stepped),
        (true, true) => Err(Ran::Exit(step.item)),
        (true, false) => Err(Ran::Exit(step.exhausted)),
    }
}

/// The operands of a generic form, held across the Python code it may run; None
/// when one is an unbound local read lazily (the interpreter's load raises).
pub(super) fn operands(a: &Value, b: &Value) -> Option<(Value, Value)> {
    (!a.is_null() && !b.is_null()).then(|| (a.dup(), b.dup()))
}

/// Run the generic form of an instruction (core's implementation, which may run
/// Python code) for operands a fast path does not handle, with the frame's
/// instruction that of `raise` as tracebacks and frame inspection expect. An
/// error ends the run at `raise`; with native calls nested too deep it ends at
/// the op's `exit` instead, and the interpreter (which needs no native stack)
/// redoes the instruction.
#[inline(never)]
pub(super) fn generic<T>(
    vm: &mut Vm,
    unit: &Unit,
    exit: ExitId,
    raise: ExitId,
    f: impl FnOnce(&mut Vm) -> PyResult<T>,
) -> Result<T, Ran> {
    if vm.native_depth >= NESTED_CALLS {
        return Err(Ran::Exit(exit));
    }
    set_pc(vm, unit, raise);
    f(vm).map_err(|e| Ran::Raised(raise, e))
}

/// The frame's instruction, for tracebacks and frame inspection while Python code
/// runs: that of `exit` (the instruction after the one running).
pub(super) fn set_pc(vm: &mut Vm, unit: &Unit, exit: ExitId) {
    if let Some(f) = vm.frames.last_mut() {
        f.pc = unit.exits.get(exit.0 as usize).map_or(0, |e| e.pc as usize);
    }
}

/// After Python code ran: the unit leaves when it was dropped or told to leave, or
/// a trace or profile function, a signal or a finalizer wants the interpreter.
pub(super) fn must_leave(vm: &Vm, unit: &Unit) -> bool {
    !unit.valid.get() || unit.leave_now.get() || vm.thread.attention
}

/// A generic branch's condition, or the exit its outcome leaves through when the
/// unit must leave.
pub(super) fn branch_after(
    vm: &Vm,
    unit: &Unit,
    r: Result<bool, Ran>,
    slow: Slow,
) -> Result<bool, Ran> {
    let r = r?;
    match slow {
        Slow::Branch {
            on_true, on_false, ..
        } if must_leave(vm, unit) => Err(Ran::Exit(if r { on_true } else { on_false })),
        _ => Ok(r),
    }
}

/// What a call op calls.
pub(super) enum Callee {
    Native(tripwire_core::object::NativeFn),
    Python(Rc<tripwire_core::object::Function>),
}

/// `Op::Build`, out of the run loop (what it makes allocates anyway; its code
/// there cost `nbody` 0.8% more instructions once ranges were made too).
#[inline(never)]
pub(super) unsafe fn build(
    vm: &mut Vm,
    unit: &Unit,
    base: usize,
    op: &RegOp,
) -> Result<(), ExitId> {
    let &Op::Build {
        kind,
        dst,
        items,
        exit,
    } = op
    else {
        return Err(ExitId(0));
    };
    let (regs, consts) = (vm.stack.as_mut_ptr().add(base), &unit.constants[..]);
    let (start, len) = (items.0 as usize, items.1 as usize);
    let srcs = unit.reg_operands.get(start..start + len).unwrap_or(&[]);
    let mut values: SmallVec<[Value; 4]> = SmallVec::with_capacity(len);
    for &src in srcs {
        let v = get(regs, consts, src);
        if v.is_null() {
            return Err(exit);
        }
        values.push(v.dup());
    }
    let built = match kind {
        Built::Tuple => Value::tuple_from(values),
        Built::List => Value::list(values.into_vec()),
        Built::Slice => {
            let mut parts = values.into_iter();
            let (Some(start), Some(stop)) = (parts.next(), parts.next()) else {
                return Err(exit);
            };
            vm.new_slice(start, stop, parts.next().unwrap_or(Value::None))
        }
        Built::Range => range_of(vm, &values).ok_or(exit)?,
    };
    put(vm.stack.as_mut_ptr().add(base), dst, built);
    Ok(())
}

/// The range `range(*items)` makes, for one to three ints and a step other than
/// 0; None for anything else (the interpreter's call decides).
pub(super) fn range_of(vm: &Vm, items: &[Value]) -> Option<Value> {
    let int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        _ => None,
    };
    let (start, stop, step) = match items {
        [stop] => (0, int(stop)?, 1),
        [start, stop] => (int(start)?, int(stop)?, 1),
        [start, stop, step] => (int(start)?, int(stop)?, int(step)?),
        _ => return None,
    };
    let range = ObjKind::Range { start, stop, step };
    (step != 0).then(|| Value::obj(vm.types.range.clone(), range))
}

/// `Op::OperandTypes`: whether both operands are of exactly the classes it
/// expects.
#[inline(never)]
pub(super) unsafe fn operand_types(vm: &Vm, unit: &Unit, base: usize, op: &RegOp) -> bool {
    let &Op::OperandTypes {
        a, b, left, right, ..
    } = op
    else {
        return false;
    };
    let (regs, consts) = (vm.stack.as_ptr().add(base), &unit.constants[..]);
    let of_class = |v: &Value, class: u32| {
        let Some(Value::Type(t)) = consts.get(class as usize) else {
            return false;
        };
        match v {
            Value::Instance(i) => Rc::ptr_eq(&i.cls.borrow(), t),
            Value::Float(_) => Rc::ptr_eq(t, &vm.types.float),
            Value::Int(_) | Value::BigInt(_) => Rc::ptr_eq(t, &vm.types.int),
            _ => false,
        }
    };
    of_class(get(regs, consts, a), left) && of_class(get(regs, consts, b), right)
}

/// `Op::OperatorResult`: a NotImplemented from the method goes on with the rest
/// of the operator's protocol, which runs no Python code for the operand classes
/// `Op::OperandTypes` lets through (the same class twice, or an int or a float
/// on the right, whose reflected methods decline natively), so no frame is
/// missed; its error raises through `raise`.
#[inline(never)]
pub(super) unsafe fn operator_result(
    vm: &mut Vm,
    unit: &Unit,
    base: usize,
    op: &RegOp,
) -> Result<(), Ran> {
    let &Op::OperatorResult {
        value,
        a,
        b,
        op,
        raise,
    } = op
    else {
        return Ok(());
    };
    let (regs, consts) = (vm.stack.as_ptr().add(base), &unit.constants[..]);
    if !vm.is_not_implemented(&*regs.add(value as usize)) {
        return Ok(());
    }
    let (a, b) = (get(regs, consts, a).dup(), get(regs, consts, b).dup());
    set_pc(vm, unit, raise);
    let result = vm
        .binary_op_after_left(op, &a, &b)
        .map_err(|e| Ran::Raised(raise, e))?;
    put(vm.stack.as_mut_ptr().add(base), value, result);
    Ok(())
}
