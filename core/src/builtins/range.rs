//! `range`: construction, length, indexing, containment and equality.

use super::{arg_int, check_args, check_method_args};
use crate::object::bigint;
use crate::object::function::KwArg;
use crate::object::{ObjKind, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// A range whose bounds do not all fit an `i64` (rare, so kept out of the fast path).
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

impl BigRange {
    pub fn len(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -self.step.clone())
        };
        if lo >= hi {
            return BigInt::zero();
        }
        (hi - lo - 1u8).div_floor(&step) + 1u8
    }

    pub fn contains(&self, x: &BigInt) -> bool {
        let inside = if self.step.is_positive() {
            &self.start <= x && x < &self.stop
        } else {
            &self.stop < x && x <= &self.start
        };
        inside && (x - &self.start).mod_floor(&self.step).is_zero()
    }

    /// The item at index `i` (negative counts from the end); None if out of range.
    pub fn get(&self, i: &BigInt) -> Option<BigInt> {
        let len = self.len();
        let i = if i.is_negative() { i + &len } else { i.clone() };
        if i.is_negative() || i >= len {
            return None;
        }
        Some(&self.start + i * &self.step)
    }
}

fn as_big(v: &Value) -> Option<BigInt> {
    crate::vm::ops::as_int(v).map(|i| i.to_big())
}

fn big_parts(v: &Value) -> Option<&BigRange> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::BigRange(r) => Some(r),
            _ => None,
        },
        _ => None,
    }
}

/// len() of a big range (OverflowError past the machine word, as CPython).
pub fn big_range_len(vm: &Vm, r: &BigRange) -> PyResult<usize> {
    r.len()
        .to_usize()
        .filter(|n| *n <= i64::MAX as usize)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

/// `r[key]` for a big range (integer keys).
pub fn big_range_getitem(vm: &mut Vm, r: &Value, key: &Value) -> PyResult<Value> {
    let Some(br) = big_parts(r) else {
        return Err(vm.type_error("not a range"));
    };
    let Some(i) = as_big(key) else {
        return Err(vm.type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    match br.get(&i) {
        Some(v) => Ok(bigint::normalize(v)),
        None => Err(vm.index_error("range object index out of range")),
    }
}

pub fn big_range_contains(r: &BigRange, item: &Value) -> Option<bool> {
    as_big(item).map(|x| r.contains(&x))
}

pub fn big_range_repr(r: &BigRange) -> String {
    if r.step == BigInt::from(1) {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    n.min(i64::MAX as i128) as i64
}

pub fn range_contains(start: i64, stop: i64, step: i64, x: i64) -> bool {
    let inside = if step > 0 {
        start <= x && x < stop
    } else {
        stop < x && x <= start
    };
    inside && (x as i128 - start as i128) % step as i128 == 0
}

fn parts(v: &Value) -> Option<(i64, i64, i64)> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Range { start, stop, step } => Some((*start, *stop, *step)),
            _ => None,
        },
        _ => None,
    }
}

pub fn range_eq(a: &Value, b: &Value) -> bool {
    match (parts(a), parts(b)) {
        (Some((s1, e1, st1)), Some((s2, e2, st2))) => {
            let (l1, l2) = (range_len(s1, e1, st1), range_len(s2, e2, st2));
            l1 == l2 && (l1 == 0 || (s1 == s2 && (l1 == 1 || st1 == st2)))
        }
        _ => false,
    }
}

pub fn range_getitem(vm: &mut Vm, r: &Value, key: &Value) -> PyResult<Value> {
    let Some((start, stop, step)) = parts(r) else {
        return Err(vm.type_error("not a range"));
    };
    let len = range_len(start, stop, step);
    if let Value::Obj(o) = key {
        if let ObjKind::Slice {
            start: a,
            stop: b,
            step: c,
        } = &o.kind
        {
            let si = vm.slice_indices(a, b, c, len as usize)?;
            let new_start = start + si.start * step;
            let new_step = step * si.step;
            let new_stop = new_start + si.len as i64 * new_step;
            return Ok(Value::obj(
                vm.types.range.clone(),
                ObjKind::Range {
                    start: new_start,
                    stop: new_stop,
                    step: new_step,
                },
            ));
        }
    }
    match vm.seq_index(key, len as usize, "range")? {
        Some(i) => Ok(Value::Int(start + i as i64 * step)),
        None => Err(vm.index_error("range object index out of range")),
    }
}

fn range_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let a = &args[1..];
    if a.is_empty() {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    check_args(vm, "range", a, 1, 3)?;
    let mut ints = Vec::with_capacity(3);
    let mut bigs = Vec::with_capacity(3);
    for v in a {
        match v {
            Value::BigInt(b) => bigs.push((**b).clone()),
            other => {
                let i = arg_int(vm, other)?;
                bigs.push(BigInt::from(i));
                ints.push(i);
            }
        }
    }
    if ints.len() != bigs.len() {
        let (start, stop, step) = match bigs.len() {
            1 => (BigInt::zero(), bigs[0].clone(), BigInt::from(1)),
            2 => (bigs[0].clone(), bigs[1].clone(), BigInt::from(1)),
            _ => (bigs[0].clone(), bigs[1].clone(), bigs[2].clone()),
        };
        if step.is_zero() {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        return Ok(Value::obj(
            vm.types.range.clone(),
            ObjKind::BigRange(Box::new(BigRange { start, stop, step })),
        ));
    }
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        _ => (ints[0], ints[1], ints[2]),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::obj(
        vm.types.range.clone(),
        ObjKind::Range { start, stop, step },
    ))
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "index", args, 1, 1)?;
    let Some((start, stop, step)) = parts(&args[0]) else {
        return Err(vm.type_error("descriptor requires a 'range' object"));
    };
    if let Value::Int(x) = &args[1] {
        if range_contains(start, stop, step, *x) {
            return Ok(Value::Int((x - start) / step));
        }
    }
    let r = vm.repr(&args[1])?;
    Err(vm.value_error(format!("{} is not in range", r.as_str())))
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "count", args, 1, 1)?;
    let Some((start, stop, step)) = parts(&args[0]) else {
        return Err(vm.type_error("descriptor requires a 'range' object"));
    };
    Ok(Value::Int(match &args[1] {
        Value::Int(x) => range_contains(start, stop, step, *x) as i64,
        _ => 0,
    }))
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.range.clone();
    super::types::set_native_new(&t, range_new);
    super::add_method(vm, &t, "index", range_index);
    super::add_method(vm, &t, "count", range_count);
}
