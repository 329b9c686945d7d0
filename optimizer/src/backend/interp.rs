//! The reference backend: an interpreter of a unit's specialised ops.
//!
//! It runs a unit over the frame on top of the frame stack (its locals and the
//! operand stack entries it held at entry stay in place) until an exit, and says
//! which. Python code runs only inside the calls it makes (a Python function, or a
//! built-in calling back); every case it does not handle is an exit, and the
//! interpreter redoes the instruction. An empty attribute site asks the runtime to
//! fill it (`Fill`), then goes on.
//!
//! Depends on `unit` and on core's values, types and tick counter.

use super::attrs::{class_function, load, method, store_first, store_others, through_site};
use super::items::{add_to_set, byte_at, contains, dict_item, item_at, set_dict_item};
use crate::unit::{AttrSite, Built, Collection, ExitId, Op, Operand, Reg, RegOp, Slow, Unit};
use smallvec::SmallVec;
use std::rc::Rc;
use tripwire_core::builtins::types::new_plain_instance;
use tripwire_core::code::{BinOp, CmpOp};
use tripwire_core::object::{ObjKind, Value};
use tripwire_core::vm::hooks::FrameRef;
use tripwire_core::vm::iter::{iterates_in_place, step_in_place};
use tripwire_core::vm::ops::{cmp_f64, cmp_ord};
use tripwire_core::vm::suspend::Suspended;
use tripwire_core::{PyErr, PyResult, Vm};

/// The largest magnitude below which every int is exactly a float.
const EXACT_IN_FLOAT: i64 = 1 << 53;

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
const NESTED_CALLS: usize = 64;

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
pub unsafe fn run<const STRESS: bool>(
    vm: &mut Vm,
    unit: &Unit,
    owner: &Rc<dyn Suspended>,
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
                        (Value::Obj(o), &Value::Int(i)) => byte_at(o, i),
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

/// Hand the call of op `at - 1` (calling the function in `func`) to the
/// interpreter, the frame suspended at it: its operands are pushed above the
/// temporaries and `unit` takes the frame on when it returns. False, with nothing
/// changed, when the call would not push a frame (the interpreter would not come
/// back) or an argument is an unbound local.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
unsafe fn suspend(
    vm: &mut Vm,
    unit: &Unit,
    owner: &Rc<dyn Suspended>,
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
    if vm.suspend_at_call(frame, call_pc, owner.clone(), at as u32) {
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
fn slow_path(
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
unsafe fn class_function_load(
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
unsafe fn store_generically(vm: &mut Vm, unit: &Unit, base: usize, op: &RegOp) -> Result<(), Ran> {
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
unsafe fn iter_generically(vm: &mut Vm, unit: &Unit, base: usize, op: &RegOp) -> Result<(), Ran> {
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
unsafe fn step_generically(vm: &mut Vm, unit: &Unit, base: usize, op: &RegOp) -> Result<bool, Ran> {
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
fn operands(a: &Value, b: &Value) -> Option<(Value, Value)> {
    (!a.is_null() && !b.is_null()).then(|| (a.dup(), b.dup()))
}

/// Run the generic form of an instruction (core's implementation, which may run
/// Python code) for operands a fast path does not handle, with the frame's
/// instruction that of `raise` as tracebacks and frame inspection expect. An
/// error ends the run at `raise`; with native calls nested too deep it ends at
/// the op's `exit` instead, and the interpreter (which needs no native stack)
/// redoes the instruction.
#[inline(never)]
fn generic<T>(
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
fn set_pc(vm: &mut Vm, unit: &Unit, exit: ExitId) {
    if let Some(f) = vm.frames.last_mut() {
        f.pc = unit.exits.get(exit.0 as usize).map_or(0, |e| e.pc as usize);
    }
}

/// After Python code ran: the unit leaves when it was dropped or told to leave, or
/// a trace or profile function, a signal or a finalizer wants the interpreter.
fn must_leave(vm: &Vm, unit: &Unit) -> bool {
    !unit.valid.get() || unit.leave_now.get() || vm.thread.attention
}

/// A generic branch's condition, or the exit its outcome leaves through when the
/// unit must leave.
fn branch_after(vm: &Vm, unit: &Unit, r: Result<bool, Ran>, slow: Slow) -> Result<bool, Ran> {
    let r = r?;
    match slow {
        Slow::Branch {
            on_true, on_false, ..
        } if must_leave(vm, unit) => Err(Ran::Exit(if r { on_true } else { on_false })),
        _ => Ok(r),
    }
}

/// What a call op calls.
enum Callee {
    Native(tripwire_core::object::NativeFn),
    Python(Rc<tripwire_core::object::Function>),
}

/// `items` into the registers from `first` up, the last item lowest. Releasing
/// what the registers held runs no Python code, so nothing can change `items`.
#[inline(always)]
unsafe fn unpack_into(regs: *mut Value, first: Reg, items: &[Value]) {
    for (k, v) in items.iter().rev().enumerate() {
        put(regs, first + k as u32, v.dup());
    }
}

/// The value of operand `x`. Unchecked: `run`'s caller vouches that the unit's
/// operands are in range for the frame (`Unit::check_layout`), and `run` pushed
/// the temporaries, so `regs` (the frame's base in the value stack, taken after
/// the last call) reaches every register.
#[inline(always)]
unsafe fn get(regs: *const Value, consts: &[Value], x: Operand) -> &Value {
    if x.0 & Operand::CONST != 0 {
        consts.get_unchecked((x.0 & !Operand::CONST) as usize)
    } else {
        &*regs.add(x.0 as usize)
    }
}

/// Store into register `r`, releasing what it held; unchecked as `get`.
#[inline(always)]
unsafe fn put(regs: *mut Value, r: Reg, v: Value) {
    Value::replace_split(&mut *regs.add(r as usize), v).release();
}

/// `Op::Build`, out of the run loop (what it makes allocates anyway; its code
/// there cost `nbody` 0.8% more instructions once ranges were made too).
#[inline(never)]
unsafe fn build(vm: &mut Vm, unit: &Unit, base: usize, op: &RegOp) -> Result<(), ExitId> {
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
fn range_of(vm: &Vm, items: &[Value]) -> Option<Value> {
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

/// Whether operands `a` and `b` are the same object; None when one is an
/// unbound local (its load raises, in the interpreter).
#[inline(always)]
unsafe fn identical(regs: *const Value, consts: &[Value], a: Operand, b: Operand) -> Option<bool> {
    let (x, y) = (get(regs, consts, a), get(regs, consts, b));
    (!x.is_null() && !y.is_null()).then(|| x.is(y))
}

/// A number, a str or None: what a built-in `pure_on_plain` takes without
/// running Python code.
fn is_plain(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_)
            | Value::Float(_)
            | Value::Bool(_)
            | Value::None
            | Value::Str(_)
            | Value::BigInt(_)
    )
}

/// The truth of a bool, an int, a float or None (no Python code decides it); None
/// for anything else.
#[inline(always)]
fn truth(v: &Value) -> Option<bool> {
    match *v {
        Value::Bool(b) => Some(b),
        Value::Int(i) => Some(i != 0),
        Value::Float(f) => Some(f != 0.0),
        Value::None => Some(false),
        _ => None,
    }
}

/// An int that is exactly a float, as a float.
fn exact_float(v: &Value) -> Option<f64> {
    match *v {
        Value::Float(f) => Some(f),
        Value::Int(i) if (-EXACT_IN_FLOAT..=EXACT_IN_FLOAT).contains(&i) => Some(i as f64),
        _ => None,
    }
}

/// Python's arithmetic on two ints (within 64 bits) or floats; None for anything
/// the interpreter must do (other types, overflow, division by zero).
fn arith(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        let (x, y) = (*x, *y);
        return match op {
            BinOp::Add => x.checked_add(y).map(Value::Int),
            BinOp::Sub => x.checked_sub(y).map(Value::Int),
            BinOp::Mul => x.checked_mul(y).map(Value::Int),
            BinOp::FloorDiv => {
                let q = x.checked_div(y)?;
                let r = x.checked_rem(y)?;
                Some(Value::Int(if r != 0 && (r < 0) != (y < 0) {
                    q - 1
                } else {
                    q
                }))
            }
            BinOp::Mod => {
                let r = x.checked_rem(y)?;
                Some(Value::Int(if r != 0 && (r < 0) != (y < 0) {
                    r + y
                } else {
                    r
                }))
            }
            BinOp::TrueDiv => {
                // Both exact as floats: IEEE division rounds the true quotient once.
                let (fx, fy) = (exact_float(a)?, exact_float(b)?);
                (y != 0).then(|| Value::Float(fx / fy))
            }
            BinOp::And => Some(Value::Int(x & y)),
            BinOp::Or => Some(Value::Int(x | y)),
            BinOp::Xor => Some(Value::Int(x ^ y)),
            BinOp::LShift => {
                let shift = u32::try_from(y).ok().filter(|&s| s < 64)?;
                let shifted = x << shift;
                // Bits shifted out, or into the sign, need a big int.
                (shifted >> shift == x).then_some(Value::Int(shifted))
            }
            BinOp::RShift => {
                let shift = u32::try_from(y).ok()?;
                Some(Value::Int(x >> shift.min(63)))
            }
            _ => None,
        };
    }
    if !matches!(a, Value::Float(_)) && !matches!(b, Value::Float(_)) {
        return None;
    }
    let (x, y) = (exact_float(a)?, exact_float(b)?);
    match op {
        BinOp::Add => Some(Value::Float(x + y)),
        BinOp::Sub => Some(Value::Float(x - y)),
        BinOp::Mul => Some(Value::Float(x * y)),
        BinOp::TrueDiv if y != 0.0 => Some(Value::Float(x / y)),
        _ => None,
    }
}

/// Python's comparison of two ints or floats; None for anything else.
fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Some(cmp_ord(op, x.cmp(y)));
    }
    let (x, y) = (exact_float(a)?, exact_float(b)?);
    Some(cmp_f64(op, x, y))
}
