//! A unit's registers as the backend reads them: operands from the frame's base
//! in the value stack or from the unit's constants, unchecked (a unit's layout is
//! checked once, at compile).
//!
//! Depends on `unit` (operands) and on core's values.

use crate::unit::{Operand, Reg};
use tripwire_core::object::Value;

/// `items` into the registers from `first` up, the last item lowest. Releasing
/// what the registers held runs no Python code, so nothing can change `items`.
#[inline(always)]
pub(super) unsafe fn unpack_into(regs: *mut Value, first: Reg, items: &[Value]) {
    for (k, v) in items.iter().rev().enumerate() {
        put(regs, first + k as u32, v.dup());
    }
}

/// The value of operand `x`. Unchecked: `run`'s caller vouches that the unit's
/// operands are in range for the frame (`Unit::check_layout`), and `run` pushed
/// the temporaries, so `regs` (the frame's base in the value stack, taken after
/// the last call) reaches every register.
#[inline(always)]
pub(super) unsafe fn get(regs: *const Value, consts: &[Value], x: Operand) -> &Value {
    if x.0 & Operand::CONST != 0 {
        consts.get_unchecked((x.0 & !Operand::CONST) as usize)
    } else {
        &*regs.add(x.0 as usize)
    }
}

/// Store into register `r`, releasing what it held; unchecked as `get`.
#[inline(always)]
pub(super) unsafe fn put(regs: *mut Value, r: Reg, v: Value) {
    Value::replace_split(&mut *regs.add(r as usize), v).release();
}

/// Whether operands `a` and `b` are the same object; None when one is an
/// unbound local (its load raises, in the interpreter).
#[inline(always)]
pub(super) unsafe fn identical(
    regs: *const Value,
    consts: &[Value],
    a: Operand,
    b: Operand,
) -> Option<bool> {
    let (x, y) = (get(regs, consts, a), get(regs, consts, b));
    (!x.is_null() && !y.is_null()).then(|| x.is(y))
}
