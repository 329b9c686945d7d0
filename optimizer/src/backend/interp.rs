//! The reference backend: an interpreter of a unit's specialised ops.
//!
//! It runs a unit over the frame on top of the frame stack (its locals and the
//! operand stack entries it held at entry stay in place) until an exit, and says
//! which. Python code runs only inside the calls it makes (a Python function, or a
//! built-in calling back); every case it does not handle is an exit, and the
//! interpreter redoes the instruction. An empty attribute site asks the runtime to
//! fill it (`Fill`), then goes on.
//!
//! Its sibling modules hold what the run loop calls: `regs` (operands), `numbers`
//! (the fast paths on numbers), `slow` (generic forms and the ops kept out of
//! line), `attrs` and `items`.
//!
//! Depends on `unit` and on core's values, types and tick counter.

use super::attrs::{load, method, store_first, store_others, through_site};
use super::items::{add_to_set, contains, dict_item, item_at, set_dict_item, text_item};
use super::numbers::{arith, compare, is_plain, truth};
use super::regs::{get, identical, put, unpack_into};
use super::slow::{
    branch_after, build, class_function_load, generic, iter_generically, must_leave, operand_types,
    operands, operator_result, set_pc, step_generically, store_generically, suspend, Callee,
};
use crate::unit::{AttrSite, Collection, ExitId, Op, Slow, Unit};
use smallvec::SmallVec;
use std::rc::Rc;
use tripwire_core::builtins::types::new_plain_instance;
use tripwire_core::object::Value;
use tripwire_core::vm::iter::{iterates_in_place, step_in_place};
use tripwire_core::vm::suspend::Suspended;
use tripwire_core::{PyErr, Vm};

/// `--stress-deopt=N`: every Nth guard an op checks fails.
pub struct Stress {
    pub every: u32,
    left: u32,
}

impl Stress {
    pub fn new(every: u32) -> Stress {
        Stress { every, left: every }
    }

    /// Whether this guard fails.
    fn fails(&mut self) -> bool {
        self.left = self.left.saturating_sub(1);
        if self.left == 0 {
            self.left = self.every;
            return true;
        }
        false
    }
}

/// The exit an op takes when its guard fails.
fn guard_exit<S, D>(unit: &Unit, op: &Op<S, D>) -> Option<ExitId> {
    match *op {
        Op::Arith { exit, .. }
        | Op::Branch { exit, .. }
        | Op::BranchBool { exit, .. }
        | Op::Global { exit, .. }
        | Op::ForNext { exit, .. }
        | Op::GetIter { exit, .. }
        | Op::Call { exit, .. }
        | Op::Attr { exit, .. }
        | Op::Method { exit, .. }
        | Op::SuperMethod { exit, .. }
        | Op::Getter { exit, .. }
        | Op::StoreAttr { exit, .. }
        | Op::Subscr { exit, .. }
        | Op::Contains { exit, .. }
        | Op::Compare { exit, .. }
        | Op::Is { exit, .. }
        | Op::BranchIs { exit, .. }
        | Op::Build { exit, .. }
        | Op::OperandTypes { exit, .. }
        | Op::Deref { exit, .. }
        | Op::Unpack { exit, .. }
        | Op::StoreSubscr { exit, .. }
        | Op::Add { exit, .. } => Some(exit),
        Op::Watched { site, .. } | Op::CellLoad { site, .. } => {
            unit.sites.get(site.0 as usize).map(|s| s.exit)
        }
        _ => None,
    }
}

/// How a run ended.
pub enum Ran {
    /// At an exit: the frame is to be rebuilt from it.
    Exit(ExitId),
    /// A call raised: the frame is to be rebuilt from the exit, and the exception
    /// raised there.
    Raised(ExitId, PyErr),
    /// A whole function's unit returned, as the return instruction at `pc`.
    Returned(Value, u32),
    /// At a call of a Python function the interpreter is to make: the frame is
    /// suspended at it (`Vm::suspend_at_call`), with the call's operands pushed
    /// above the unit's temporaries, and the unit goes on when it returns.
    Suspended,
}

/// Where a run starts.
#[derive(Clone, Copy)]
pub enum Start {
    /// At the unit's first op, the frame as the interpreter left it.
    Entry,
    /// Back from the call of op `at - 1` the frame was suspended at: its result is
    /// on top of the value stack, above the unit's temporaries.
    Returned { at: u32 },
}

/// Native calls a unit's calls may nest: deeper, the interpreter makes the call
/// (it needs no native stack for it), so deep recursion reaches the recursion limit
/// as it would without units.
pub(super) const NESTED_CALLS: usize = 64;

/// Fills an empty attribute site for the receiver it met (registering what the
/// fill assumes with the runtime); false when the site cannot be specialised for
/// it. Runs no Python code.
pub type Fill<'a> = dyn FnMut(&mut Vm, &AttrSite, &Value) -> bool + 'a;

/// Run `unit` (suspended at its calls with `owner` to take it on) over the top frame, whose values start at `base` of the value stack
/// (its locals, then its cells, then its operand stack at `stack_base`), until it
/// exits. Its temporaries are pushed above the operand stack entries it was
/// entered with, and are still there when it exits (the exit may push some); a
/// unit that returns leaves the value stack as it found it. With
/// `STRESS`, guards fail as `stress` says (a separate instance of the loop, so the
/// plain one pays nothing for it). A call that raised gives its exception with the
/// exit that rebuilds the frame to raise it in.
///
/// # Safety
///
/// Operands are read without bounds checks: the unit must have passed
/// `Unit::check_layout` and been lowered to registers for this frame's number of
/// local slots (`stack_base - base`), and the value stack must hold exactly
/// `stack_base + unit.entry_depth` values (the frame's slots and the operand stack
/// entries the unit was entered with).
#[allow(clippy::too_many_arguments)]
pub unsafe fn run<const STRESS: bool, O: Suspended + 'static>(
    vm: &mut Vm,
    unit: &Unit,
    owner: &Rc<O>,
    base: usize,
    stack_base: usize,
    start: Start,
    stress: &mut Stress,
    fill: &mut Fill,
) -> Ran {
    let top = stack_base + unit.entry_depth as usize;
    let consts: &[Value] = &unit.constants;
    let mut rounds = Rounds { unit, n: 0 };
    let mut at = match start {
        Start::Entry => {
            debug_assert_eq!(vm.stack.len(), top);
            vm.stack.resize(top + unit.temps as usize, Value::None);
            0
        }
        Start::Returned { at } => {
            debug_assert_eq!(vm.stack.len(), top + unit.temps as usize + 1);
            let result = vm.stack.pop().unwrap_or(Value::None);
            let Some(Op::Call { dst, after, .. }) = (at as usize)
                .checked_sub(1)
                .and_then(|i| unit.reg_ops.get(i))
                .map(|op| op.get())
            else {
                return Ran::Exit(ExitId(0));
            };
            put(vm.stack.as_mut_ptr().add(base), dst, result);
            if must_leave(vm, unit) {
                return Ran::Exit(after);
            }
            at as usize
        }
    };
    loop {
        // The exit of the jump back that ends this round, should its tick be the
        // one the interpreter must see.
        let back;
        loop {
            // Taken again for every op: a call may have moved the value stack.
            let regs = vm.stack.as_mut_ptr().add(base);
            let Some(cell) = unit.reg_ops.get(at) else {
                return Ran::Exit(ExitId(0));
            };
            at += 1;
            if STRESS {
                if let Some(exit) = guard_exit(unit, &cell.get()) {
                    if stress.fails() {
                        return Ran::Exit(exit);
                    }
                }
            }
            // SAFETY: read in place, not copied whole; every arm copies the fields
            // it uses out of it before anything that could patch the op (a call)
            // runs.
            match *cell.as_ptr() {
                Op::Move { dst, src, unbound } => {
                    let v = get(regs, consts, src).dup();
                    if let (true, Some(unbound)) = (v.is_null(), unbound) {
                        return Ran::Exit(unbound);
                    }
                    put(regs, dst, v);
                }
                Op::Clear { slot } => put(regs, slot, Value::Null),
                Op::Inline {
                    func,
                    expected,
                    level,
                    exit,
                    otherwise,
                    ..
                } => {
                    let f = get(regs, consts, func);
                    let same = unit
                        .constants
                        .get(expected as usize)
                        .is_some_and(|c| c.is(f));
                    if !same || vm.frames.len() + level as usize > vm.recursion_limit {
                        // Another function: the next body's guard, if there is one.
                        match otherwise.filter(|_| !same) {
                            Some(next) => at = next as usize,
                            None => return Ran::Exit(exit),
                        }
                    }
                }
                Op::Watched {
                    dst,
                    constant,
                    site,
                } => {
                    // `--invalidate=poll`: the validity flag is checked where an
                    // assumption is used, and nothing is patched.
                    if unit.polls && !unit.valid.get() {
                        let exit = unit
                            .sites
                            .get(site.0 as usize)
                            .map_or(ExitId(0), |s| s.exit);
                        return Ran::Exit(exit);
                    }
                    let v = unit
                        .constants
                        .get(constant as usize)
                        .map_or(Value::None, Value::dup);
                    put(regs, dst, v);
                }
                Op::CellLoad { dst, cell, site } => {
                    let v = unit
                        .cells
                        .get(cell as usize)
                        .map_or(Value::Null, |c| c.borrow().dup());
                    if v.is_null() {
                        let exit = unit
                            .sites
                            .get(site.0 as usize)
                            .map_or(ExitId(0), |s| s.exit);
                        return Ran::Exit(exit);
                    }
                    put(regs, dst, v);
                }
                Op::Global { dst, name, exit } => {
                    let Some(Value::Str(name)) = unit.constants.get(name as usize) else {
                        return Ran::Exit(exit);
                    };
                    let found = unit
                        .globals
                        .get_str(name)
                        .or_else(|| unit.builtins.get_str(name));
                    match found {
                        Some(v) => put(regs, dst, v),
                        None => return Ran::Exit(exit),
                    }
                }
                Op::Call {
                    func,
                    recv,
                    args,
                    dst,
                    exit,
                    raise,
                    after,
                    plain,
                } => {
                    let is_function = matches!(get(regs, consts, func), Value::Function(_));
                    if is_function
                        && !plain
                        && unit.python_calls
                        && suspend(vm, unit, owner, at, func, recv, args, exit)
                    {
                        return Ran::Suspended;
                    }
                    // A failed suspension may have moved the value stack.
                    let regs = vm.stack.as_mut_ptr().add(base);
                    let callee = match get(regs, consts, func) {
                        Value::Builtin(b) if b.bound.is_none() => Callee::Native(b.func),
                        Value::Function(f) if unit.python_calls && !plain => {
                            Callee::Python(f.clone())
                        }
                        _ => return Ran::Exit(exit),
                    };
                    if !vm.thread.profile.is_none() || vm.native_depth >= NESTED_CALLS {
                        return Ran::Exit(exit);
                    }
                    let mut argv: SmallVec<[Value; 4]> = SmallVec::new();
                    let receiver = get(regs, consts, recv);
                    if !receiver.is_null() {
                        argv.push(receiver.dup());
                    }
                    let (start, len) = (args.0 as usize, args.1 as usize);
                    for &src in unit.reg_operands.get(start..start + len).unwrap_or(&[]) {
                        let v = get(regs, consts, src);
                        // An unbound local: its load raises, in the interpreter.
                        if v.is_null() || (plain && !is_plain(v)) {
                            return Ran::Exit(exit);
                        }
                        argv.push(v.dup());
                    }
                    // Tracebacks and frame inspection see the call's instruction.
                    set_pc(vm, unit, after);
                    let result = match callee {
                        Callee::Native(native) => native(vm, &argv, &[]),
                        Callee::Python(f) => vm.call_function(&f, &argv, &[]),
                    };
                    match result {
                        Ok(v) => put(vm.stack.as_mut_ptr().add(base), dst, v),
                        Err(e) => return Ran::Raised(raise, e),
                    }
                    if must_leave(vm, unit) {
                        return Ran::Exit(after);
                    }
                }
                Op::Attr {
                    dst,
                    obj,
                    attr,
                    exit,
                } => {
                    let Some(site) = unit.attrs.get(attr as usize) else {
                        return Ran::Exit(exit);
                    };
                    let o = get(regs, consts, obj);
                    let Some(v) = through_site(vm, site, o, fill, load) else {
                        return Ran::Exit(exit);
                    };
                    put(regs, dst, v);
                }
                Op::Method {
                    dst,
                    recv,
                    obj,
                    attr,
                    exit,
                } => {
                    let Some(site) = unit.attrs.get(attr as usize) else {
                        return Ran::Exit(exit);
                    };
                    let o = get(regs, consts, obj).dup();
                    let Some(m) = through_site(vm, site, &o, fill, method) else {
                        return Ran::Exit(exit);
                    };
                    put(regs, dst, m);
                    put(regs, recv, o);
                }
                Op::OperandTypes { exit, .. } => {
                    if !operand_types(vm, unit, base, &*cell.as_ptr()) {
                        return Ran::Exit(exit);
                    }
                }
                Op::OperatorResult { .. } => {
                    if let Err(ran) = operator_result(vm, unit, base, &*cell.as_ptr()) {
                        return ran;
                    }
                }
                Op::SuperMethod { .. } | Op::Getter { .. } => {
                    if let Err(exit) = class_function_load(vm, unit, base, &*cell.as_ptr(), fill) {
                        return Ran::Exit(exit);
                    }
                }
                Op::StoreAttr {
                    obj,
                    value,
                    attr,
                    exit,
                } => {
                    let Some(site) = unit.attrs.get(attr as usize) else {
                        return Ran::Exit(exit);
                    };
                    let v = get(regs, consts, value).dup();
                    if v.is_null() {
                        return Ran::Exit(exit);
                    }
                    let o = get(regs, consts, obj);
                    let v = match store_first(vm.types, site, o, v) {
                        Ok(()) => continue,
                        Err(v) => v,
                    };
                    if let Err(v) = store_others(vm, site, &o.dup(), v, fill) {
                        v.release();
                        return Ran::Exit(exit);
                    }
                }
                Op::BranchIs {
                    a,
                    b,
                    jump_if,
                    target,
                    exit,
                } => match identical(regs, consts, a, b) {
                    Some(same) if same == jump_if => at = target as usize,
                    Some(_) => {}
                    None => return Ran::Exit(exit),
                },
                Op::Is {
                    dst,
                    a,
                    b,
                    invert,
                    exit,
                } => match identical(regs, consts, a, b) {
                    Some(same) => put(regs, dst, Value::Bool(same != invert)),
                    None => return Ran::Exit(exit),
                },
                Op::Unpack {
                    seq,
                    first,
                    n,
                    exit,
                } => {
                    // Held: the registers written may hold the sequence.
                    let s = get(regs, consts, seq).dup();
                    match &s {
                        Value::Tuple(t) if t.items.len() == n as usize => {
                            unpack_into(regs, first, &t.items)
                        }
                        Value::List(l) => {
                            let items = l.items.borrow();
                            if items.len() != n as usize {
                                return Ran::Exit(exit);
                            }
                            unpack_into(regs, first, &items)
                        }
                        _ => return Ran::Exit(exit),
                    }
                }
                Op::Subscr {
                    dst,
                    obj,
                    index,
                    ref exit,
                    ref slow,
                } => {
                    let o = get(regs, consts, obj);
                    let i = get(regs, consts, index);
                    let item = match (o, i) {
                        (Value::List(l), &Value::Int(i)) => item_at(&l.items.borrow(), i),
                        (Value::Tuple(t), &Value::Int(i)) => item_at(&t.items, i),
                        (Value::Dict(d), key) => dict_item(d, key),
                        (o, &Value::Int(i)) => text_item(o, i),
                        _ => None,
                    };
                    if let Some(v) = item {
                        put(regs, dst, v);
                        continue;
                    }
                    let (exit, slow) = (*exit, *slow);
                    let Slow::Generic { raise, after } = slow else {
                        return Ran::Exit(exit);
                    };
                    let (o, i) = match operands(o, i) {
                        Some(pair) => pair,
                        None => return Ran::Exit(exit),
                    };
                    match generic(vm, unit, exit, raise, |vm| vm.getitem(&o, &i)) {
                        Ok(v) => put(vm.stack.as_mut_ptr().add(base), dst, v),
                        Err(ran) => return ran,
                    }
                    if must_leave(vm, unit) {
                        return Ran::Exit(after);
                    }
                }
                Op::Build { .. } => {
                    if let Err(exit) = build(vm, unit, base, &*cell.as_ptr()) {
                        return Ran::Exit(exit);
                    }
                }
                Op::NewInstance { dst, cls, nslots } => {
                    let Some(Value::Type(t)) = consts.get(cls as usize) else {
                        return Ran::Exit(ExitId(0));
                    };
                    put(regs, dst, new_plain_instance(t, nslots as usize));
                }
                Op::Deref { dst, cell, exit } => {
                    let v = match &*regs.add(cell as usize) {
                        Value::Cell(c) => c.get(),
                        _ => Value::Null,
                    };
                    if v.is_null() {
                        return Ran::Exit(exit);
                    }
                    put(regs, dst, v);
                }
                Op::Compare {
                    op,
                    dst,
                    a,
                    b,
                    ref exit,
                    ref slow,
                } => {
                    let x = get(regs, consts, a);
                    let y = get(regs, consts, b);
                    if let Some(r) = compare(op, x, y) {
                        put(regs, dst, Value::Bool(r));
                        continue;
                    }
                    let (exit, slow) = (*exit, *slow);
                    let Slow::Generic { raise, after } = slow else {
                        return Ran::Exit(exit);
                    };
                    let (x, y) = match operands(x, y) {
                        Some(pair) => pair,
                        None => return Ran::Exit(exit),
                    };
                    match generic(vm, unit, exit, raise, |vm| vm.compare(op, &x, &y)) {
                        Ok(v) => put(vm.stack.as_mut_ptr().add(base), dst, v),
                        Err(ran) => return ran,
                    }
                    if must_leave(vm, unit) {
                        return Ran::Exit(after);
                    }
                }
                Op::Contains {
                    dst,
                    item,
                    container,
                    invert,
                    ref exit,
                    ref slow,
                } => {
                    let x = get(regs, consts, item);
                    let c = get(regs, consts, container);
                    if let Some(r) = contains(c, x) {
                        put(regs, dst, Value::Bool(r != invert));
                        continue;
                    }
                    let (exit, slow) = (*exit, *slow);
                    let Slow::Generic { raise, after } = slow else {
                        return Ran::Exit(exit);
                    };
                    let (x, c) = match operands(x, c) {
                        Some(pair) => pair,
                        None => return Ran::Exit(exit),
                    };
                    match generic(vm, unit, exit, raise, |vm| vm.contains(&c, &x)) {
                        Ok(r) => put(
                            vm.stack.as_mut_ptr().add(base),
                            dst,
                            Value::Bool(r != invert),
                        ),
                        Err(ran) => return ran,
                    }
                    if must_leave(vm, unit) {
                        return Ran::Exit(after);
                    }
                }
                Op::Add {
                    into,
                    target,
                    key,
                    value,
                    exit,
                } => {
                    let v = get(regs, consts, value);
                    // An unbound local read lazily, or no memory left: the
                    // interpreter redoes the instruction and raises.
                    if v.is_null() {
                        return Ran::Exit(exit);
                    }
                    let added = match (into, get(regs, consts, target)) {
                        (Collection::List, Value::List(l)) => l.try_push(v.dup()).is_ok(),
                        (Collection::Set, Value::Set(s)) if !s.frozen => add_to_set(s, v),
                        (Collection::Dict, Value::Dict(d)) => {
                            let k = get(regs, consts, key);
                            !k.is_null() && set_dict_item(d, k, v.dup()).is_ok()
                        }
                        _ => false,
                    };
                    if !added {
                        return Ran::Exit(exit);
                    }
                }
                Op::StoreSubscr {
                    obj,
                    index,
                    value,
                    exit,
                    ..
                } => match (get(regs, consts, obj), get(regs, consts, index)) {
                    (Value::List(l), &Value::Int(i)) => {
                        let v = get(regs, consts, value).dup();
                        if v.is_null() {
                            return Ran::Exit(exit);
                        }
                        let mut items = l.items.borrow_mut();
                        let len = items.len() as i64;
                        let j = if i < 0 { i + len } else { i };
                        if !(0..len).contains(&j) {
                            drop(items);
                            v.release();
                            return Ran::Exit(exit);
                        }
                        let old = Value::replace_split(&mut items[j as usize], v);
                        drop(items);
                        old.release();
                    }
                    (Value::Dict(d), key) => {
                        let v = get(regs, consts, value).dup();
                        if v.is_null() {
                            return Ran::Exit(exit);
                        }
                        if let Err(v) = set_dict_item(d, key, v) {
                            v.release();
                            if let Err(ran) = store_generically(vm, unit, base, &*cell.as_ptr()) {
                                return ran;
                            }
                        }
                    }
                    _ => {
                        if let Err(ran) = store_generically(vm, unit, base, &*cell.as_ptr()) {
                            return ran;
                        }
                    }
                },
                // The fields only a slow path reads are read there, by reference:
                // copied out with the rest, they would all be loaded up front.
                Op::Arith {
                    op,
                    ref inplace,
                    dst,
                    a,
                    b,
                    ref exit,
                    ref slow,
                } => {
                    let x = get(regs, consts, a);
                    let y = get(regs, consts, b);
                    if let Some(v) = arith(op, x, y) {
                        put(regs, dst, v);
                        continue;
                    }
                    let (inplace, exit, slow) = (*inplace, *exit, *slow);
                    let Slow::Generic { raise, after } = slow else {
                        return Ran::Exit(exit);
                    };
                    let (x, y) = match operands(x, y) {
                        Some(pair) => pair,
                        None => return Ran::Exit(exit),
                    };
                    let result = generic(vm, unit, exit, raise, |vm| {
                        if inplace {
                            vm.inplace_op(op, &x, &y)
                        } else {
                            vm.binary_op(op, &x, &y)
                        }
                    });
                    match result {
                        Ok(v) => put(vm.stack.as_mut_ptr().add(base), dst, v),
                        Err(ran) => return ran,
                    }
                    if must_leave(vm, unit) {
                        return Ran::Exit(after);
                    }
                }
                Op::Branch {
                    op,
                    a,
                    b,
                    jump_if,
                    target,
                    ref exit,
                    ref slow,
                } => {
                    let x = get(regs, consts, a);
                    let y = get(regs, consts, b);
                    let r = match compare(op, x, y) {
                        Some(r) => r,
                        None => {
                            let (exit, slow) = (*exit, *slow);
                            let Slow::Branch { raise, .. } = slow else {
                                return Ran::Exit(exit);
                            };
                            let (x, y) = match operands(x, y) {
                                Some(pair) => pair,
                                None => return Ran::Exit(exit),
                            };
                            let r = generic(vm, unit, exit, raise, |vm| {
                                let v = vm.compare(op, &x, &y)?;
                                vm.truthy(&v)
                            });
                            match branch_after(vm, unit, r, slow) {
                                Ok(r) => r,
                                Err(ran) => return ran,
                            }
                        }
                    };
                    if r == jump_if {
                        at = target as usize;
                    }
                }
                Op::BranchBool {
                    value,
                    jump_if,
                    target,
                    ref exit,
                    ref slow,
                } => {
                    let v = get(regs, consts, value);
                    let r = match truth(v) {
                        Some(r) => r,
                        None => {
                            let (exit, slow) = (*exit, *slow);
                            let Slow::Branch { raise, .. } = slow else {
                                return Ran::Exit(exit);
                            };
                            if v.is_null() {
                                return Ran::Exit(exit);
                            }
                            let v = v.dup();
                            let r = generic(vm, unit, exit, raise, |vm| vm.truthy(&v));
                            match branch_after(vm, unit, r, slow) {
                                Ok(r) => r,
                                Err(ran) => return ran,
                            }
                        }
                    };
                    if r == jump_if {
                        at = target as usize;
                    }
                }
                Op::Jump { target } => at = target as usize,
                Op::LoopBack { target, exit } => {
                    if !unit.valid.get() {
                        return Ran::Exit(exit);
                    }
                    at = target as usize;
                    back = exit;
                    break;
                }
                Op::GetIter { dst, src, .. } => {
                    let v = get(regs, consts, src);
                    let it = match iterates_in_place(v) {
                        true => vm.get_iter(v).ok(),
                        false => None,
                    };
                    match it {
                        Some(it) => put(regs, dst, it),
                        None => {
                            if let Err(ran) = iter_generically(vm, unit, base, &*cell.as_ptr()) {
                                return ran;
                            }
                        }
                    }
                }
                Op::ForNext {
                    iter,
                    dst,
                    item,
                    done,
                    back: back_exit,
                    ..
                } => {
                    let it = &*regs.add(iter as usize);
                    match step_in_place(it) {
                        Some(Some(v)) => {
                            put(regs, dst, v);
                            at = item as usize;
                            if let Some(next) = back_exit {
                                if !unit.valid.get() {
                                    return Ran::Exit(next);
                                }
                                back = next;
                                break;
                            }
                        }
                        Some(None) => at = done as usize,
                        None => match step_generically(vm, unit, base, &*cell.as_ptr()) {
                            Ok(true) => {
                                at = item as usize;
                                if let Some(next) = back_exit {
                                    back = next;
                                    break;
                                }
                            }
                            Ok(false) => at = done as usize,
                            Err(ran) => return ran,
                        },
                    }
                }
                Op::Return { value, unbound, pc } => {
                    let v = get(regs, consts, value).dup();
                    if v.is_null() {
                        return Ran::Exit(unbound);
                    }
                    vm.stack.truncate(top);
                    return Ran::Returned(v, pc);
                }
                Op::Exit(exit) => return Ran::Exit(exit),
            }
        }
        // A jump back: the tick every jump back counts.
        rounds.n += 1;
        if vm.poll_loop_tick() {
            return Ran::Exit(back);
        }
    }
}

/// Counts a run's jumps back into `Unit::rounds`, whichever way the run ends.
struct Rounds<'a> {
    unit: &'a Unit,
    n: u64,
}

impl Drop for Rounds<'_> {
    fn drop(&mut self) {
        self.unit.rounds.set(self.unit.rounds.get() + self.n);
    }
}
