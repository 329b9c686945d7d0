//! `complex`: CPython's complex arithmetic (its division, integer and general powers),
//! construction from numbers and strings, repr, hash and `__format__`.
//!
//! A complex is an `ObjKind::Complex` object. The operator paths in `vm::ops` come
//! here only after the int and float cases, so those stay as fast as before.

use super::format_spec::{self, Spec, SpecError};
use super::{add_dunder, add_method, check_method_args, kwarg, only_kwargs};
use crate::code::{BinOp, CmpOp};
use crate::object::function::KwArg;
use crate::object::{float, ObjKind, TypeRef, Value};
use crate::vm::ops::as_int;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// A complex number's parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C {
    pub re: f64,
    pub im: f64,
}

const ONE: C = C { re: 1.0, im: 0.0 };

/// Why an arithmetic result is an error, as CPython's errno after its C helpers.
enum MathError {
    /// EDOM: a division by zero, or zero to a negative or complex power.
    Domain,
    /// ERANGE: a part of the result overflowed.
    Range,
}

pub fn new_complex(c: C) -> Value {
    Value::obj(
        crate::vm::builtin_types::types().complex.clone(),
        ObjKind::Complex(c.re, c.im),
    )
}

/// Whether either operand is a complex: the one test the int, float, str and bytes
/// operator paths pay for complex support.
#[inline(always)]
pub fn either_is_complex(a: &Value, b: &Value) -> bool {
    let is = |v: &Value| matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::Complex(..)));
    is(a) || is(b)
}

/// The parts of a complex value.
#[inline]
pub fn as_complex(v: &Value) -> Option<C> {
    match v {
        Value::Obj(o) => match o.kind {
            ObjKind::Complex(re, im) => Some(C { re, im }),
            _ => None,
        },
        // The built-in part of a complex subclass's instance.
        Value::Instance(i) => i.base_value().and_then(|b| as_complex(&b)),
        _ => None,
    }
}

/// An int, float or complex operand as a complex; None for other kinds.
fn operand(vm: &Vm, v: &Value) -> Option<PyResult<C>> {
    if let Some(c) = as_complex(v) {
        return Some(Ok(c));
    }
    let re = match v {
        Value::Float(f) => *f,
        _ => match as_int(v)?.to_f64() {
            Some(f) => f,
            None => return Some(Err(vm.overflow_error("int too large to convert to float"))),
        },
    };
    Some(Ok(C { re, im: 0.0 }))
}

fn prod(a: C, b: C) -> C {
    C {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

/// Division by Smith's method, dividing by the larger of the divisor's parts.
fn quot(a: C, b: C) -> Result<C, MathError> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return Err(MathError::Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Ok(C {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Ok(C {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        // A NaN in the divisor.
        Ok(C {
            re: f64::NAN,
            im: f64::NAN,
        })
    }
}

/// `a ** n` for a natural `n`, by repeated squaring.
fn pow_natural(a: C, n: u64) -> C {
    let (mut r, mut p, mut mask) = (ONE, a, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` through polar form.
fn pow_general(a: C, b: C) -> Result<C, MathError> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(ONE);
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(MathError::Domain);
        }
        return Ok(C { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    Ok(C {
        re: len * phase.cos(),
        im: len * phase.sin(),
    })
}

fn pow(a: C, b: C) -> Result<C, MathError> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n >= 0 {
            pow_natural(a, n as u64)
        } else {
            quot(ONE, pow_natural(a, n.unsigned_abs()))?
        }
    } else {
        pow_general(a, b)?
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(MathError::Range);
    }
    Ok(r)
}

/// `a ** b` of two numbers as complexes: what a float power with a negative base and
/// a fractional exponent gives.
pub fn power(vm: &Vm, a: C, b: C) -> PyResult<Value> {
    match pow(a, b) {
        Ok(c) => Ok(new_complex(c)),
        Err(MathError::Domain) => Err(vm.zero_division("0.0 to a negative or complex power")),
        Err(MathError::Range) => Err(vm.overflow_error("complex exponentiation")),
    }
}

/// `a <op> b` where either side is a complex and the other a number; None for other
/// operands and for operators complex does not define.
pub fn binary_op(vm: &Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
    ) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(vm, a), operand(vm, b)) else {
        return Ok(None);
    };
    let (x, y) = (x?, y?);
    Ok(Some(match op {
        BinOp::Add => new_complex(C {
            re: x.re + y.re,
            im: x.im + y.im,
        }),
        BinOp::Sub => new_complex(C {
            re: x.re - y.re,
            im: x.im - y.im,
        }),
        BinOp::Mul => new_complex(prod(x, y)),
        BinOp::TrueDiv => match quot(x, y) {
            Ok(c) => new_complex(c),
            Err(_) => return Err(vm.zero_division("complex division by zero")),
        },
        _ => power(vm, x, y)?,
    }))
}

/// `a == b` / `a != b` where either side is a complex; None when the other side is
/// not a number (and for orderings, which complex does not define).
pub fn compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return None;
    }
    let (c, other) = match (as_complex(a), as_complex(b)) {
        (Some(c), _) => (c, b),
        (None, Some(c)) => (c, a),
        (None, None) => return None,
    };
    let eq = if let Some(d) = as_complex(other) {
        c == d
    } else if let Value::Float(f) = other {
        c.im == 0.0 && c.re == *f
    } else {
        let i = as_int(other)?;
        c.im == 0.0
            && crate::vm::ops::compare_int_float(&i, c.re) == Some(std::cmp::Ordering::Equal)
    };
    Some(eq == (op == CmpOp::Eq))
}

/// CPython's hash: the parts' float hashes combined, so `hash(1+0j) == hash(1)`.
pub fn hash(c: C, identity: usize) -> i64 {
    let part = |f: f64| {
        if f.is_nan() {
            (identity >> 4) as i64
        } else {
            float::hash(f)
        }
    };
    let h = part(c.re).wrapping_add(part(c.im).wrapping_mul(1_000_003));
    if h == -1 {
        -2
    } else {
        h
    }
}

/// A part as repr writes it: the float's repr without a trailing ".0".
fn part_repr(f: f64) -> String {
    let r = float::repr(f);
    match r.strip_suffix(".0") {
        Some(short) => short.to_string(),
        None => r,
    }
}

fn imag_sign(f: f64) -> char {
    if f.is_sign_negative() && !f.is_nan() {
        '-'
    } else {
        '+'
    }
}

pub fn repr(c: C) -> String {
    if c.re == 0.0 && c.re.is_sign_positive() {
        return format!("{}j", part_repr(c.im));
    }
    format!(
        "({}{}{}j)",
        part_repr(c.re),
        imag_sign(c.im),
        part_repr(c.im.abs())
    )
}

/// `complex.__format__`: each part formatted as a float, then padded as a whole.
pub fn format(c: C, spec: &Spec) -> Result<String, SpecError> {
    if spec.zero_pad {
        return Err(SpecError::ComplexZeroPad);
    }
    if spec.align == Some('=') {
        return Err(SpecError::ComplexEqualsAlign);
    }
    let ty = match spec.ty {
        None => None,
        Some('n') => Some('g'),
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => Some(t),
        Some(other) => return Err(SpecError::UnknownCode(other)),
    };
    // No type reads as str(): the real part goes when it is +0.0, else parentheses.
    let skip_re = ty.is_none() && c.re == 0.0 && c.re.is_sign_positive();
    let parens = ty.is_none() && !skip_re;
    let part = Spec {
        fill: ' ',
        align: None,
        zero_pad: false,
        width: None,
        ty,
        ..spec.clone()
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&format_spec::format_float_part(c.re, &part)?);
    }
    let im_spec = Spec {
        sign: if skip_re { spec.sign } else { Some('+') },
        ..part
    };
    body.push_str(&format_spec::format_float_part(c.im, &im_spec)?);
    body.push('j');
    if parens {
        body.push(')');
    }
    format_spec::pad("", &body, spec, '>')
}

fn magnitude(vm: &Vm, c: C) -> PyResult<f64> {
    let r = c.re.hypot(c.im);
    if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(r)
}

pub fn abs(vm: &Vm, c: C) -> PyResult<Value> {
    magnitude(vm, c).map(Value::Float)
}

/// The longest prefix of `s` that reads as a float (sign, digits,
/// point, exponent, or inf / infinity / nan), as byte length.
fn float_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let lower = s[i..].to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if lower.starts_with(word) {
            return i + word.len();
        }
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    let mut any = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        any |= digits(&mut i);
    }
    if !any {
        return 0;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j) {
            i = j;
        }
    }
    i
}

/// A float read from a whole prefix found by `float_prefix`.
fn read_float(text: &str) -> Option<f64> {
    if text.is_empty() {
        return None;
    }
    super::types::parse_float(text)
}

/// `complex(str)`: `[ws][(][ws]number[ws][)][ws]` where number is a real, an
/// imaginary (`2j`, `j`, `-j`) or both (`1+2j`, `1-j`).
fn parse(text: &str) -> Option<C> {
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')')?.trim();
    }
    let n = float_prefix(s);
    let first = read_float(&s[..n]);
    let rest = &s[n..];
    let c = match first {
        Some(x) => match rest {
            "" => C { re: x, im: 0.0 },
            "j" | "J" => C { re: 0.0, im: x },
            _ if rest.starts_with(['+', '-']) => {
                // A bare signed `j` (`1-j`) is a unit imaginary part.
                let m = float_prefix(rest);
                let im = match m {
                    0 if rest.starts_with('-') => -1.0,
                    0 => 1.0,
                    _ => read_float(&rest[..m])?,
                };
                if !matches!(&rest[m.max(1)..], "j" | "J") {
                    return None;
                }
                C { re: x, im }
            }
            _ => return None,
        },
        None => C {
            re: 0.0,
            im: match s {
                "j" | "J" | "+j" | "+J" => 1.0,
                "-j" | "-J" => -1.0,
                _ => return None,
            },
        },
    };
    Some(c)
}

fn from_str(vm: &Vm, text: &str) -> PyResult<C> {
    // Unicode digits and spaces read as their ASCII forms, as in CPython.
    let ascii: String = text
        .chars()
        .map(|c| match format_spec::decimal_value(c) {
            Some(d) if !c.is_ascii() => char::from(b'0' + d as u8),
            _ if c.is_whitespace() => ' ',
            _ => c,
        })
        .collect();
    let b = ascii.as_bytes();
    let misplaced_underscore = b.iter().enumerate().any(|(i, &c)| {
        c == b'_'
            && !(i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    });
    if misplaced_underscore {
        return Err(vm.value_error(format!(
            "could not convert string to complex: {}",
            super::repr::str_repr(text)
        )));
    }
    parse(&ascii.replace('_', ""))
        .ok_or_else(|| vm.value_error("complex() arg is a malformed string"))
}

/// A number argument of `complex()`: its `__complex__` if the type has one (which
/// must return a complex), else the complex itself, else its float value; and
/// whether it was a complex. Only the first argument's `__complex__` counts.
fn number_arg(vm: &mut Vm, v: &Value, which: &str) -> PyResult<(C, bool)> {
    if let Some(c) = as_complex(v) {
        return Ok((c, true));
    }
    let name = vm.intern("__complex__");
    let first = which == "first argument";
    if let Some(m) = vm.type_of(v).lookup(&name).filter(|_| first) {
        if !matches!(m, Value::Builtin(_)) {
            let r = vm.call_method_value(m, v, &[])?;
            return match as_complex(&r) {
                Some(c) => Ok((c, true)),
                None => Err(vm.type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    vm.type_name(&r)
                ))),
            };
        }
    }
    let float_name = vm.names.d_float.clone();
    let index_name = vm.names.d_index.clone();
    let t = vm.type_of(v);
    let is_number = matches!(v, Value::Float(_))
        || as_int(v).is_some()
        || { t.lookup(&float_name).is_some() || t.lookup(&index_name).is_some() }
        || vm.builtin_base(v).is_some();
    if !is_number {
        return Err(vm.type_error(format!(
            "complex() {which} must be {}, not '{}'",
            if first {
                "a string or a number"
            } else {
                "a number"
            },
            vm.type_name(v)
        )));
    }
    let re = super::types::to_float(vm, v)?;
    Ok((C { re, im: 0.0 }, false))
}

fn complex_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let t = match args.first() {
        Some(Value::Type(t)) => t.clone(),
        _ => return Err(vm.type_error("descriptor requires a type")),
    };
    let args = &args[1..];
    only_kwargs(vm, "complex", kwargs, &["real", "imag"])?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.len() + kwargs.len()
        )));
    }
    let real = args.first().or_else(|| kwarg(kwargs, "real")).cloned();
    let imag = args.get(1).or_else(|| kwarg(kwargs, "imag")).cloned();
    let c = match (&real, &imag) {
        (Some(Value::Str(_)), Some(_)) => {
            return Err(vm.type_error("complex() can't take second arg if first is a string"))
        }
        (_, Some(Value::Str(_))) => {
            return Err(vm.type_error("complex() second arg can't be a string"))
        }
        (Some(Value::Str(s)), None) => from_str(vm, s.as_str())?,
        (Some(r @ Value::Obj(_)), None) if as_complex(r).is_some() && same_type(vm, &t) => {
            return Ok(r.clone())
        }
        _ => {
            // As CPython: a part is only added where an argument was a complex,
            // so `complex(0, -0.0)` keeps its negative zero.
            let (mut re, mut im) = (0.0, 0.0);
            let mut real_is_complex = false;
            if let Some(r) = &real {
                let (c, is_complex) = number_arg(vm, r, "first argument")?;
                (re, im, real_is_complex) = (c.re, c.im, is_complex);
            }
            match &imag {
                None => C { re, im },
                Some(i) => {
                    let (c, is_complex) = number_arg(vm, i, "second argument")?;
                    if is_complex {
                        re -= c.im;
                    }
                    C {
                        re,
                        im: if real_is_complex { c.re + im } else { c.re },
                    }
                }
            }
        }
    };
    let builtin = vm.types.complex.clone();
    super::types::for_subclass(vm, &t, &builtin, new_complex(c))
}

fn same_type(vm: &Vm, t: &TypeRef) -> bool {
    Rc::ptr_eq(t, &vm.types.complex)
}

fn this(vm: &Vm, name: &str, args: &[Value]) -> PyResult<C> {
    match args.first().and_then(as_complex) {
        Some(c) => Ok(c),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'complex' objects doesn't apply to a '{}' object",
            args.first().map(|v| vm.type_name(v)).unwrap_or_default()
        ))),
    }
}

fn conjugate(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let c = this(vm, "conjugate", args)?;
    check_method_args(vm, "conjugate", args, 0, 0)?;
    Ok(new_complex(C {
        re: c.re,
        im: -c.im,
    }))
}

fn dunder_complex(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let c = this(vm, "__complex__", args)?;
    check_method_args(vm, "__complex__", args, 0, 0)?;
    Ok(new_complex(c))
}

fn dunder_abs(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let c = this(vm, "__abs__", args)?;
    check_method_args(vm, "__abs__", args, 0, 0)?;
    abs(vm, c)
}

fn getnewargs(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let c = this(vm, "__getnewargs__", args)?;
    Ok(Value::tuple(vec![Value::Float(c.re), Value::Float(c.im)]))
}

/// The parts as attributes (`real`, `imag`).
pub fn attr(c: C, name: &str) -> Option<Value> {
    match name {
        "real" => Some(Value::Float(c.re)),
        "imag" => Some(Value::Float(c.im)),
        _ => None,
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.complex.clone();
    super::types::set_native_new(&t, complex_new);
    add_method(vm, &t, "conjugate", conjugate);
    add_dunder(vm, &t, "__complex__", dunder_complex);
    add_dunder(vm, &t, "__abs__", dunder_abs);
    add_method(vm, &t, "__getnewargs__", getnewargs);
}
