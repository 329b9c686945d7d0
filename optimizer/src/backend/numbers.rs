//! The backend's fast paths on numbers: int (64-bit, overflow refused) and float
//! arithmetic, comparisons and truth, each answering None for operands it does
//! not take, so the op leaves or runs its generic form.
//!
//! Depends on core's values and operator kinds.

use tripwire_core::code::{BinOp, CmpOp};
use tripwire_core::object::Value;
use tripwire_core::vm::ops::{cmp_f64, cmp_ord};

/// The largest magnitude below which every int is exactly a float.
pub(super) const EXACT_IN_FLOAT: i64 = 1 << 53;

/// A number, a str or None: what a built-in `pure_on_plain` takes without
/// running Python code.
pub(super) fn is_plain(v: &Value) -> bool {
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
pub(super) fn truth(v: &Value) -> Option<bool> {
    match *v {
        Value::Bool(b) => Some(b),
        Value::Int(i) => Some(i != 0),
        Value::Float(f) => Some(f != 0.0),
        Value::None => Some(false),
        _ => None,
    }
}

/// An int that is exactly a float, as a float.
pub(super) fn exact_float(v: &Value) -> Option<f64> {
    match *v {
        Value::Float(f) => Some(f),
        Value::Int(i) if (-EXACT_IN_FLOAT..=EXACT_IN_FLOAT).contains(&i) => Some(i as f64),
        _ => None,
    }
}

/// Python's arithmetic on two ints (within 64 bits) or floats; None for anything
/// the interpreter must do (other types, overflow, division by zero).
pub(super) fn arith(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
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
pub(super) fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Some(cmp_ord(op, x.cmp(y)));
    }
    let (x, y) = (exact_float(a)?, exact_float(b)?);
    Some(cmp_f64(op, x, y))
}
