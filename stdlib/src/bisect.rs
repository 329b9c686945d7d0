//! `_bisect`: the native binary search CPython's bisect.py imports (`bisect_left`,
//! `bisect_right`, `insort_left`, `insort_right`, with `lo`, `hi` and `key`). The
//! sequence is read by index on every step, so a sequence that changes under a
//! comparison or key call is seen as it is then. Depends on core's public API.

use num_traits::ToPrimitive;
use tripwire_core::builtins::functions::less;
use tripwire_core::builtins::{add_function, arg_ssize, parse_clinic_args};
use tripwire_core::modules::math::index_big;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyResult, Vm};

/// Which end of a run of equal items a search finds.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

/// The arguments every function takes: `(a, x, lo=0, hi=None, *, key=None)`.
struct Search {
    seq: Value,
    item: Value,
    lo: i64,
    /// None: the sequence's length.
    hi: Option<i64>,
    key: Option<Value>,
}

fn parse(vm: &mut Vm, name: &str, args: &[Value], kw: &[KwArg]) -> PyResult<Search> {
    let [seq, item, lo, hi, key] =
        parse_clinic_args(vm, name, ["a", "x", "lo", "hi", "key"], 4, 2, args, kw)?;
    let (Some(seq), Some(item)) = (seq, item) else {
        return Err(vm.type_error(format!("{name}() missing required argument")));
    };
    let lo = match lo {
        Some(v) => arg_ssize(vm, &v)?,
        None => 0,
    };
    // As in CPython, an explicit hi of -1 also means "the length".
    let hi = match hi {
        None | Some(Value::None) => None,
        Some(v) => Some(hi_arg(vm, &v)?).filter(|&h| h != -1),
    };
    Ok(Search {
        seq,
        item,
        lo,
        hi,
        key: key.filter(|k| !k.is_none()),
    })
}

/// `hi` when given: converted as CPython's optional sizes are, with their messages.
fn hi_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let index = vm.names.d_index.clone();
    if vm.type_of(v).lookup(&index).is_none() {
        return Err(vm.type_error(format!(
            "argument should be integer or None, not '{}'",
            vm.type_name(v)
        )));
    }
    index_big(vm, v)?
        .to_i64()
        .ok_or_else(|| vm.overflow_error("cannot fit 'int' into an index-sized integer"))
}

/// CPython's TypeError for a mapping given where a sequence is needed.
fn not_a_sequence(vm: &Vm, seq: &Value) -> PyResult<()> {
    match seq {
        Value::Dict(_) => Err(vm.type_error(format!("{} is not a sequence", vm.type_name(seq)))),
        _ => Ok(()),
    }
}

/// `seq[i]`, read directly from a list.
fn item_at(vm: &mut Vm, seq: &Value, i: i64) -> PyResult<Value> {
    match seq {
        Value::List(l) => {
            let found = usize::try_from(i)
                .ok()
                .and_then(|i| l.items.borrow().get(i).cloned());
            found.ok_or_else(|| vm.index_error("list index out of range"))
        }
        _ => vm.getitem(seq, &Value::Int(i)),
    }
}

/// Where `item` (a key already, when there is a key function) goes in the sorted
/// slice `seq[lo:hi]`.
fn position(vm: &mut Vm, s: &Search, item: &Value, side: Side) -> PyResult<i64> {
    let mut lo = s.lo;
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    not_a_sequence(vm, &s.seq)?;
    let mut hi = match s.hi {
        Some(h) => h,
        None => vm.len(&s.seq)? as i64,
    };
    while lo < hi {
        // Both are non-negative, so the sum fits in u64.
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut probe = item_at(vm, &s.seq, mid)?;
        if let Some(key) = &s.key {
            probe = vm.call(key, &[probe], &[])?;
        }
        let goes_before = match side {
            Side::Right => less(vm, item, &probe)?,
            Side::Left => !less(vm, &probe, item)?,
        };
        if goes_before {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect(vm: &mut Vm, name: &str, side: Side, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let s = parse(vm, name, args, kw)?;
    Ok(Value::Int(position(vm, &s, &s.item, side)?))
}

/// Insert `x` where the search puts it: straight into a list, else through the
/// sequence's own `insert`.
fn insort(vm: &mut Vm, name: &str, side: Side, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let s = parse(vm, name, args, kw)?;
    let index = match &s.key {
        Some(key) => {
            let item_key = vm.call(key, std::slice::from_ref(&s.item), &[])?;
            position(vm, &s, &item_key, side)?
        }
        None => position(vm, &s, &s.item, side)?,
    };
    match &s.seq {
        Value::List(l) => {
            let mut items = l.items.borrow_mut();
            let at = (index as usize).min(items.len());
            items.insert(at, s.item.clone());
        }
        seq => {
            vm.call_method(seq, "insert", &[Value::Int(index), s.item.clone()])?;
        }
    }
    Ok(Value::None)
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    bisect(vm, "bisect_left", Side::Left, args, kw)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    bisect(vm, "bisect_right", Side::Right, args, kw)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    insort(vm, "insort_left", Side::Left, args, kw)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    insort(vm, "insort_right", Side::Right, args, kw)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("bisect_left", bisect_left),
        ("bisect_right", bisect_right),
        ("insort_left", insort_left),
        ("insort_right", insort_right),
    ];
    for (name, f) in fns {
        add_function(vm, d, "_bisect", name, *f);
    }
    Ok(())
}
