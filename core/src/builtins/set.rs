//! The methods and operators of `set` and `frozenset`, following CPython's algorithms
//! so that results iterate in CPython's order.

use super::{add_method, check_args, check_method_args};
use crate::code::{BinOp, CmpOp};
use crate::object::function::KwArg;
use crate::object::{Set, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Rc<Set>> {
    match args.first() {
        Some(Value::Set(s)) => Ok(s.clone()),
        Some(v) => match vm.builtin_base(v) {
            Some(Value::Set(s)) => Ok(s),
            _ => Err(vm.type_error(format!(
                "descriptor '{}' for 'set' objects doesn't apply to a '{}' object",
                name,
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

/// Add every element of an iterable (CPython's `set_update_internal`).
pub fn set_update(vm: &mut Vm, s: &Set, src: &Value) -> PyResult<()> {
    match src {
        Value::Set(o) => {
            if !s.merge_from(o) {
                for (h, k) in o.entries() {
                    vm.set_add_hashed(s, h, k)?;
                }
            }
            Ok(())
        }
        Value::Dict(d) => {
            s.reserve_for(d.len());
            for (h, k, _) in d.hashed_items() {
                vm.set_add_hashed(s, h, k)?;
            }
            Ok(())
        }
        other => {
            let it = vm.get_iter(other)?;
            while let Some(x) = vm.next(&it)? {
                vm.set_add(s, x)?;
            }
            Ok(())
        }
    }
}

/// A copy with CPython's table layout (`set_copy`: a merge into an empty table).
fn copy_of(_vm: &mut Vm, s: &Set, frozen: bool) -> PyResult<Rc<Set>> {
    let n = Rc::new(Set::new(frozen));
    n.merge_from(s);
    Ok(n)
}

fn contains_hashed(vm: &mut Vm, s: &Set, h: i64, k: &Value) -> PyResult<bool> {
    Ok(vm.set_find(s, h, k)?.is_some())
}

fn intersection(vm: &mut Vm, a: &Rc<Set>, b: &Rc<Set>, frozen: bool) -> PyResult<Rc<Set>> {
    let result = Rc::new(Set::new(frozen));
    if Rc::ptr_eq(a, b) {
        return copy_of(vm, a, frozen);
    }
    let (small, big) = if b.len() > a.len() { (a, b) } else { (b, a) };
    for (h, k) in small.entries() {
        if contains_hashed(vm, big, h, &k)? {
            vm.set_add_hashed(&result, h, k)?;
        }
    }
    Ok(result)
}

fn difference(vm: &mut Vm, a: &Rc<Set>, b: &Rc<Set>, frozen: bool) -> PyResult<Rc<Set>> {
    if (a.len() >> 2) > b.len() {
        let result = copy_of(vm, a, frozen)?;
        for (h, k) in b.entries() {
            if let Some(i) = vm.set_find(&result, h, &k)? {
                drop(result.remove_slot(i));
            }
        }
        result.shrink_dummies();
        return Ok(result);
    }
    let result = Rc::new(Set::new(frozen));
    for (h, k) in a.entries() {
        if !contains_hashed(vm, b, h, &k)? {
            vm.set_add_hashed(&result, h, k)?;
        }
    }
    Ok(result)
}

fn symmetric_difference(vm: &mut Vm, a: &Rc<Set>, b: &Rc<Set>, frozen: bool) -> PyResult<Rc<Set>> {
    let result = copy_of(vm, b, frozen)?;
    for (h, k) in a.entries() {
        match vm.set_find(&result, h, &k)? {
            Some(i) => drop(result.remove_slot(i)),
            None => vm.set_add_hashed(&result, h, k)?,
        }
    }
    Ok(result)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets.
pub fn set_binop(vm: &mut Vm, op: BinOp, a: &Rc<Set>, b: &Rc<Set>) -> PyResult<Value> {
    let frozen = a.frozen;
    let r = match op {
        BinOp::Or => {
            let r = copy_of(vm, a, frozen)?;
            set_update(vm, &r, &Value::Set(b.clone()))?;
            r
        }
        BinOp::And => intersection(vm, a, b, frozen)?,
        BinOp::Sub => difference(vm, a, b, frozen)?,
        _ => symmetric_difference(vm, a, b, frozen)?,
    };
    Ok(Value::Set(r))
}

/// `a |= b` and friends.
pub fn set_inplace(vm: &mut Vm, op: BinOp, a: &Rc<Set>, b: &Rc<Set>) -> PyResult<()> {
    match op {
        BinOp::Or => set_update(vm, a, &Value::Set(b.clone())),
        BinOp::Sub => {
            if Rc::ptr_eq(a, b) {
                drop(a.clear());
                return Ok(());
            }
            for (h, k) in b.entries() {
                if let Some(i) = vm.set_find(a, h, &k)? {
                    drop(a.remove_slot(i));
                }
            }
            a.shrink_dummies();
            Ok(())
        }
        BinOp::And => {
            let r = intersection(vm, a, b, false)?;
            a.swap_contents(&r);
            Ok(())
        }
        _ => {
            if Rc::ptr_eq(a, b) {
                drop(a.clear());
                return Ok(());
            }
            for (h, k) in b.entries() {
                match vm.set_find(a, h, &k)? {
                    Some(i) => drop(a.remove_slot(i)),
                    None => vm.set_add_hashed(a, h, k)?,
                }
            }
            Ok(())
        }
    }
}

fn is_subset(vm: &mut Vm, a: &Set, b: &Set) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (h, k) in a.entries() {
        if !contains_hashed(vm, b, h, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set comparisons: equality and the subset order.
pub fn set_compare(vm: &mut Vm, op: CmpOp, a: &Rc<Set>, b: &Rc<Set>) -> PyResult<bool> {
    Ok(match op {
        CmpOp::Eq => a.len() == b.len() && is_subset(vm, a, b)?,
        CmpOp::Ne => !(a.len() == b.len() && is_subset(vm, a, b)?),
        CmpOp::Le => is_subset(vm, a, b)?,
        CmpOp::Lt => a.len() < b.len() && is_subset(vm, a, b)?,
        CmpOp::Ge => is_subset(vm, b, a)?,
        CmpOp::Gt => a.len() > b.len() && is_subset(vm, b, a)?,
    })
}

/// The argument of a set method as a set (any iterable is accepted).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Rc<Set>> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        other => {
            let s = Rc::new(Set::new(true));
            set_update(vm, &s, other)?;
            Ok(s)
        }
    }
}

fn multi(vm: &mut Vm, args: &[Value], name: &str, op: BinOp) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let mut acc = copy_of(vm, &s, s.frozen)?;
    for other in &args[1..] {
        let o = as_set(vm, other)?;
        acc = match set_binop(vm, op, &acc, &o)? {
            Value::Set(r) => r,
            _ => acc,
        };
    }
    Ok(Value::Set(acc))
}

fn union(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let s = this(vm, args, "union")?;
    let acc = copy_of(vm, &s, s.frozen)?;
    for other in &args[1..] {
        set_update(vm, &acc, other)?;
    }
    Ok(Value::Set(acc))
}
fn intersection_m(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    multi(vm, args, "intersection", BinOp::And)
}
fn difference_m(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    multi(vm, args, "difference", BinOp::Sub)
}
fn symmetric_difference_m(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "symmetric_difference", args, 1, 1)?;
    multi(vm, args, "symmetric_difference", BinOp::Xor)
}

fn inplace_m(vm: &mut Vm, args: &[Value], name: &str, op: BinOp) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    for other in &args[1..] {
        if op == BinOp::Or {
            set_update(vm, &s, other)?;
        } else {
            let o = as_set(vm, other)?;
            set_inplace(vm, op, &s, &o)?;
        }
    }
    Ok(Value::None)
}
fn update(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    inplace_m(vm, args, "update", BinOp::Or)
}
fn intersection_update(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    inplace_m(vm, args, "intersection_update", BinOp::And)
}
fn difference_update(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    inplace_m(vm, args, "difference_update", BinOp::Sub)
}
fn symmetric_difference_update(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    inplace_m(vm, args, "symmetric_difference_update", BinOp::Xor)
}

fn add(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "add", args, 1, 1)?;
    let s = this(vm, args, "add")?;
    vm.set_add(&s, args[1].clone())?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "remove", args, 1, 1)?;
    let s = this(vm, args, "remove")?;
    if !vm.set_discard(&s, &args[1])? {
        return Err(vm.key_error(args[1].clone()));
    }
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "discard", args, 1, 1)?;
    let s = this(vm, args, "discard")?;
    vm.set_discard(&s, &args[1])?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let s = this(vm, args, "pop")?;
    match s.pop() {
        Some(v) => Ok(v),
        None => Err(vm.new_error_args(
            &vm.types.key_error.clone(),
            vec![Value::str("pop from an empty set")],
        )),
    }
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let s = this(vm, args, "clear")?;
    drop(s.clear());
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let s = this(vm, args, "copy")?;
    if s.frozen {
        return Ok(args[0].clone());
    }
    Ok(Value::Set(copy_of(vm, &s, false)?))
}

fn relation(vm: &mut Vm, args: &[Value], name: &str, op: CmpOp) -> PyResult<Value> {
    check_args(vm, name, &args[1.min(args.len())..], 1, 1)?;
    let s = this(vm, args, name)?;
    let o = as_set(vm, &args[1])?;
    Ok(Value::Bool(set_compare(vm, op, &s, &o)?))
}
fn issubset(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    relation(vm, args, "issubset", CmpOp::Le)
}
fn issuperset(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    relation(vm, args, "issuperset", CmpOp::Ge)
}
fn isdisjoint(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "isdisjoint", args, 1, 1)?;
    let s = this(vm, args, "isdisjoint")?;
    let o = as_set(vm, &args[1])?;
    let r = intersection(vm, &s, &o, true)?;
    Ok(Value::Bool(r.is_empty()))
}

pub fn install(vm: &mut Vm) {
    let both: &[(&'static str, crate::object::NativeFn)] = &[
        ("union", union),
        ("intersection", intersection_m),
        ("difference", difference_m),
        ("symmetric_difference", symmetric_difference_m),
        ("copy", copy),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    let mutating: &[(&'static str, crate::object::NativeFn)] = &[
        ("update", update),
        ("intersection_update", intersection_update),
        ("difference_update", difference_update),
        ("symmetric_difference_update", symmetric_difference_update),
        ("add", add),
        ("remove", remove),
        ("discard", discard),
        ("pop", pop),
        ("clear", clear),
    ];
    let (st, ft) = (vm.types.set.clone(), vm.types.frozenset.clone());
    for (name, f) in both {
        add_method(vm, &st, name, *f);
        add_method(vm, &ft, name, *f);
    }
    for (name, f) in mutating {
        add_method(vm, &st, name, *f);
    }
}
