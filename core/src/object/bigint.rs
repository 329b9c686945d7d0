//! Integer arithmetic: machine ints on the fast path, `BigInt` past 64 bits.
//!
//! Results are always normalised: a value that fits an `i64` is a `Value::Int`.

use super::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

pub fn normalize(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

/// An integer operand, borrowed from a `Value`.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_big(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            IntRef::Small(i) => *i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }
    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            IntRef::Small(i) => Some(*i as f64),
            IntRef::Big(b) => b.to_f64().filter(|f| f.is_finite()),
        }
    }
}

pub fn add(a: IntRef, b: IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (&a, &b) {
        if let Some(r) = x.checked_add(*y) {
            return Value::Int(r);
        }
    }
    normalize(a.to_big() + b.to_big())
}

pub fn sub(a: IntRef, b: IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (&a, &b) {
        if let Some(r) = x.checked_sub(*y) {
            return Value::Int(r);
        }
    }
    normalize(a.to_big() - b.to_big())
}

pub fn mul(a: IntRef, b: IntRef) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (&a, &b) {
        if let Some(r) = x.checked_mul(*y) {
            return Value::Int(r);
        }
    }
    normalize(a.to_big() * b.to_big())
}

/// Floor division; `None` on division by zero.
pub fn floordiv(a: IntRef, b: IntRef) -> Option<Value> {
    if b.is_zero() {
        return None;
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (&a, &b) {
        if let Some(q) = x.checked_div(*y) {
            let q = if (x % y != 0) && ((*x < 0) != (*y < 0)) {
                q - 1
            } else {
                q
            };
            return Some(Value::Int(q));
        }
    }
    Some(normalize(a.to_big().div_floor(&b.to_big())))
}

/// Modulo with the sign of the divisor; `None` on division by zero.
pub fn modulo(a: IntRef, b: IntRef) -> Option<Value> {
    if b.is_zero() {
        return None;
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (&a, &b) {
        if let Some(r) = x.checked_rem(*y) {
            let r = if r != 0 && ((r < 0) != (*y < 0)) {
                r + y
            } else {
                r
            };
            return Some(Value::Int(r));
        }
    }
    Some(normalize(a.to_big().mod_floor(&b.to_big())))
}

/// `a ** b` for a non-negative exponent.
pub fn pow(a: IntRef, b: IntRef) -> Value {
    let exp = match b {
        IntRef::Small(e) => e as u64,
        IntRef::Big(_) => u64::MAX,
    };
    if let IntRef::Small(base) = a {
        if exp <= u32::MAX as u64 {
            if let Some(r) = base.checked_pow(exp as u32) {
                return Value::Int(r);
            }
        }
        if base == 0 || base == 1 {
            return Value::Int(base);
        }
        if base == -1 {
            return Value::Int(if exp % 2 == 0 { 1 } else { -1 });
        }
    }
    normalize(num_traits::pow::Pow::pow(a.to_big(), exp))
}

/// `pow(a, b, m)`; `None` when m is zero.
pub fn pow_mod(a: IntRef, b: IntRef, m: IntRef) -> Option<Value> {
    if m.is_zero() {
        return None;
    }
    let m = m.to_big();
    let r = a.to_big().modpow(&b.to_big(), &m);
    // modpow returns a result with the sign of the base; Python's has the sign of m.
    let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
        r + &m
    } else {
        r
    };
    Some(normalize(r))
}

pub fn neg(a: IntRef) -> Value {
    match a {
        IntRef::Small(x) => match x.checked_neg() {
            Some(r) => Value::Int(r),
            None => normalize(-BigInt::from(x)),
        },
        IntRef::Big(b) => normalize(-b.clone()),
    }
}

pub fn bitand(a: IntRef, b: IntRef) -> Value {
    match (&a, &b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::Int(x & y),
        _ => normalize(a.to_big() & b.to_big()),
    }
}

pub fn bitor(a: IntRef, b: IntRef) -> Value {
    match (&a, &b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::Int(x | y),
        _ => normalize(a.to_big() | b.to_big()),
    }
}

pub fn bitxor(a: IntRef, b: IntRef) -> Value {
    match (&a, &b) {
        (IntRef::Small(x), IntRef::Small(y)) => Value::Int(x ^ y),
        _ => normalize(a.to_big() ^ b.to_big()),
    }
}

pub fn invert(a: IntRef) -> Value {
    match a {
        IntRef::Small(x) => Value::Int(!x),
        IntRef::Big(b) => normalize(-(b.clone()) - 1),
    }
}

/// `a << n` for n >= 0.
pub fn shl(a: IntRef, n: u64) -> Value {
    if let IntRef::Small(x) = a {
        if x == 0 {
            return Value::Int(0);
        }
        if n < 63 {
            let r = x.checked_shl(n as u32).filter(|r| r >> n == x);
            if let Some(r) = r {
                return Value::Int(r);
            }
        }
    }
    normalize(a.to_big() << n as usize)
}

/// `a >> n` for n >= 0 (arithmetic, rounding toward negative infinity).
pub fn shr(a: IntRef, n: u64) -> Value {
    match a {
        IntRef::Small(x) => Value::Int(if n >= 64 {
            if x < 0 {
                -1
            } else {
                0
            }
        } else {
            x >> n
        }),
        IntRef::Big(b) => {
            let shifted = if b.is_negative() {
                // Floor semantics for negatives.
                let d = BigInt::from(1) << n as usize;
                b.div_floor(&d)
            } else {
                b >> n as usize
            };
            normalize(shifted)
        }
    }
}

pub fn cmp(a: &IntRef, b: &IntRef) -> std::cmp::Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(y),
        _ => a.to_big().cmp(&b.to_big()),
    }
}

/// True division of two ints, correctly rounded like CPython.
pub fn truediv(a: IntRef, b: IntRef) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (&a, &b) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Some(*x as f64 / *y as f64);
        }
    }
    let (x, y) = (a.to_big(), b.to_big());
    match (x.to_f64(), y.to_f64()) {
        (Some(fx), Some(fy)) if fx.is_finite() && fy.is_finite() && fx.abs() < 1e300 => {
            // Scale to keep precision: compute the quotient with extra bits.
            let q = &x / &y;
            let r = &x % &y;
            let qf = q.to_f64().unwrap_or(f64::INFINITY);
            if q.abs() > BigInt::from(1u64 << 53) {
                Some(qf + r.to_f64().unwrap_or(0.0) / fy)
            } else {
                Some(fx / fy)
            }
        }
        _ => {
            let shift = 64usize;
            let q = (&x << shift) / &y;
            Some(q.to_f64().unwrap_or(f64::INFINITY) / 2f64.powi(shift as i32))
                .filter(|f| f.is_finite())
                .or(Some(f64::INFINITY))
        }
    }
}

/// CPython's hash of an int: the value modulo the Mersenne prime 2**61 - 1.
pub fn hash(a: &IntRef) -> i64 {
    const MODULUS: u64 = (1 << 61) - 1;
    let h = match a {
        // Most ints are below the modulus: no division.
        IntRef::Small(x) if x.unsigned_abs() < MODULUS => *x,
        IntRef::Small(x) => {
            let m = (x.unsigned_abs() % MODULUS) as i64;
            if *x < 0 {
                -m
            } else {
                m
            }
        }
        IntRef::Big(b) => {
            let m = (b.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
            if b.is_negative() {
                -m
            } else {
                m
            }
        }
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn to_string_radix(a: &IntRef, radix: u32) -> String {
    match a {
        IntRef::Small(x) => match radix {
            10 => x.to_string(),
            _ => {
                let body = BigInt::from(*x).abs().to_str_radix(radix);
                if *x < 0 {
                    format!("-{body}")
                } else {
                    body
                }
            }
        },
        IntRef::Big(b) => {
            let body = b.abs().to_str_radix(radix);
            if b.is_negative() {
                format!("-{body}")
            } else {
                body
            }
        }
    }
}

pub fn bit_length(a: &IntRef) -> u64 {
    match a {
        IntRef::Small(x) => 64 - x.unsigned_abs().leading_zeros() as u64,
        IntRef::Big(b) => b.bits(),
    }
}
