//! The `math` module, following CPython 3.13's `Modules/mathmodule.c`: the same
//! special-case handling around libm (so results and the ValueError / OverflowError
//! choice match), CPython's own algorithms where it has them (Lanczos gamma, the
//! scaled vector norm behind `hypot` and `dist`, Shewchuk's exact `fsum`), and exact
//! integer functions on big ints.
//!
//! The argument conversions (`to_f64` for "real number" arguments, `index_big` for
//! integer ones) are shared with the `random` and `array` modules.

mod sumprod;

use crate::builtins::{add_function, check_args, kwarg, no_kwargs};
use crate::object::function::KwArg;
use crate::object::{bigint_products, Dict, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

// CPython calls the C library's libm, whose last bit differs from Rust's own
// implementations for some arguments: std computes `asinh` / `acosh` / `atanh` with
// formulas of its own, and its bundled `cbrt` shadows the C one (glibc exports it
// under a second name too). `erf` / `erfc` are not exposed by std on stable.
#[cfg_attr(target_os = "linux", link(name = "m"))]
extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn acosh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn cbrtf64(x: f64) -> f64;
}

const DOMAIN: &str = "math domain error";
const RANGE: &str = "math range error";

// ---------------------------------------------------------------------------
// Argument conversion

/// A "real number" argument as a float (`PyFloat_AsDouble`): floats, ints (big ones
/// rounded correctly, OverflowError past the float range), `__float__`, `__index__`.
pub fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => {
            big_to_f64(b).ok_or_else(|| vm.overflow_error("int too large to convert to float"))
        }
        Value::Instance(_) | Value::Obj(_) => {
            let base = vm.builtin_base(v);
            if let Some(Value::Float(f)) = base {
                return Ok(f);
            }
            let float_name = vm.names.d_float.clone();
            if let Some(m) = user_method(vm, v, &float_name) {
                let r = vm.call_method_value(m, v, &[])?;
                return match &r {
                    Value::Float(f) => Ok(*f),
                    Value::Instance(_) => match vm.builtin_base(&r) {
                        Some(Value::Float(f)) => Ok(f),
                        _ => Err(float_returned_non_float(vm, v, &r)),
                    },
                    _ => Err(float_returned_non_float(vm, v, &r)),
                };
            }
            if let Some(b @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) = base {
                return to_f64(vm, &b);
            }
            let index_name = vm.names.d_index.clone();
            if let Some(m) = user_method(vm, v, &index_name) {
                let r = vm.call_method_value(m, v, &[])?;
                return match &r {
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => to_f64(vm, &r),
                    _ => Err(vm.type_error(format!(
                        "__index__ returned non-int (type {})",
                        vm.type_name(&r)
                    ))),
                };
            }
            Err(not_real(vm, v))
        }
        _ => Err(not_real(vm, v)),
    }
}

fn not_real(vm: &Vm, v: &Value) -> crate::vm::PyErr {
    vm.type_error(format!("must be real number, not {}", vm.type_name(v)))
}

fn float_returned_non_float(vm: &Vm, v: &Value, r: &Value) -> crate::vm::PyErr {
    vm.type_error(format!(
        "{}.__float__ returned non-float (type {})",
        vm.type_name(v),
        vm.type_name(r)
    ))
}

/// A method defined on the type of an instance or native object. For instances of
/// subclasses of built-in types, methods inherited from the built-in type are left
/// out: the built-in part is used directly instead.
fn user_method(vm: &mut Vm, v: &Value, name: &crate::object::PyStr) -> Option<Value> {
    let m = vm.type_of(v).lookup(name)?;
    if m.is_none() {
        return None;
    }
    if matches!(v, Value::Instance(_)) && matches!(m, Value::Builtin(_)) {
        return None;
    }
    Some(m)
}

/// An integer argument (`PyNumber_Index`), big ints included.
pub fn index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(_) | Value::Obj(_) => {
            if let Some(b @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) =
                vm.builtin_base(v)
            {
                return index_big(vm, &b);
            }
            let name = vm.names.d_index.clone();
            if let Some(m) = user_method(vm, v, &name) {
                let r = vm.call_method_value(m, v, &[])?;
                return match &r {
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => index_big(vm, &r),
                    _ => Err(vm.type_error(format!(
                        "__index__ returned non-int (type {})",
                        vm.type_name(&r)
                    ))),
                };
            }
            Err(not_integer(vm, v))
        }
        _ => Err(not_integer(vm, v)),
    }
}

fn not_integer(vm: &Vm, v: &Value) -> crate::vm::PyErr {
    vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    ))
}

/// A big int as the nearest float (ties to even), None past the float range.
pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    let mag = b.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64()? as f64
    } else {
        let shift = bits - 64;
        if shift > 1100 {
            return None;
        }
        let top = (mag >> shift).to_u64()?;
        // A sticky bit for everything shifted out keeps the u64 -> f64 rounding exact.
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        ldexp((top | sticky as u64) as f64, shift as i32)
    };
    if !f.is_finite() {
        return None;
    }
    Some(if b.sign() == Sign::Minus { -f } else { f })
}

/// A positive big int as (m, e) with n ~= m * 2**e, m in [0.5, 1) (`_PyLong_Frexp`).
fn big_frexp(mag: &num_bigint::BigUint) -> (f64, i64) {
    let bits = mag.bits();
    if bits <= 64 {
        let (m, e) = crate::object::float::frexp(mag.to_u64().unwrap_or(0) as f64);
        return (m, e as i64);
    }
    let shift = bits - 64;
    let top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
    let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
    let (m, e) = crate::object::float::frexp((top | sticky as u64) as f64);
    (m, e as i64 + shift as i64)
}

/// `ldexp(x, n)`, correctly rounded into the subnormal range (musl's `scalbn`).
pub fn ldexp(x: f64, n: i32) -> f64 {
    let mut y = x;
    let mut n = n;
    let p1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    // 2**-1022 * 2**53: scaling down in two steps avoids double rounding.
    let pm969 = f64::from_bits(0x0360_0000_0000_0000);
    if n > 1023 {
        y *= p1023;
        n -= 1023;
        if n > 1023 {
            y *= p1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= pm969;
        n += 1022 - 53;
        if n < -1022 {
            y *= pm969;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// A float as an int (`PyLong_FromDouble`) for floor / ceil / trunc.
fn float_to_int(vm: &Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 9.2e18 {
        return Ok(Value::Int(f as i64));
    }
    match BigInt::from_f64(f) {
        Some(b) => Ok(Value::from_bigint(b)),
        None => Err(vm.overflow_error("cannot convert float infinity to integer")),
    }
}

/// The positional-count check of functions with several parameters
/// (`_PyArg_CheckPositional`).
fn nargs(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let (bound, which) = if n < min {
        (min, if min == max { "" } else { "at least " })
    } else if n > max {
        (max, if min == max { "" } else { "at most " })
    } else {
        return Ok(());
    };
    Err(vm.type_error(format!(
        "{name} expected {which}{bound} argument{}, got {n}",
        if bound == 1 { "" } else { "s" }
    )))
}

/// The single argument of a one-argument function (METH_O).
fn one_arg<'a>(vm: &Vm, name: &str, args: &'a [Value], kw: &[KwArg]) -> PyResult<&'a Value> {
    if let ([v], []) = (args, kw) {
        return Ok(v);
    }
    let full = format!("math.{name}");
    no_kwargs(vm, &full, kw)?;
    check_args(vm, &full, args, 1, 1)?;
    Err(vm.type_error(format!("{full}() takes exactly one argument")))
}

fn one_float(vm: &mut Vm, name: &str, args: &[Value], kw: &[KwArg]) -> PyResult<f64> {
    let v = one_arg(vm, name, args, kw)?;
    to_f64(vm, v)
}

fn two_floats(vm: &mut Vm, name: &str, args: &[Value], kw: &[KwArg]) -> PyResult<(f64, f64)> {
    no_kwargs(vm, name, kw)?;
    nargs(vm, name, args, 2, 2)?;
    let x = to_f64(vm, &args[0])?;
    let y = to_f64(vm, &args[1])?;
    Ok((x, y))
}

// ---------------------------------------------------------------------------
// Error conventions

/// `math_1`: a libm function of one float. A NaN from a non-NaN argument is a domain
/// error; an infinity from a finite argument is an overflow or (for functions that
/// cannot overflow) a singularity, i.e. a domain error.
fn math_1(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[KwArg],
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = one_float(vm, name, args, kw)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(vm.value_error(DOMAIN));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            vm.overflow_error(RANGE)
        } else {
            vm.value_error(DOMAIN)
        });
    }
    Ok(Value::Float(r))
}

/// How a function reports an error through C's `errno`.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Errno {
    Ok,
    Dom,
    Range,
}

/// `is_error`: EDOM is a ValueError; ERANGE an OverflowError unless the result is
/// small (an underflow, which is not an error).
fn check_errno(vm: &Vm, r: f64, e: Errno) -> PyResult<Value> {
    match e {
        Errno::Ok => Ok(Value::Float(r)),
        Errno::Dom => Err(vm.value_error(DOMAIN)),
        Errno::Range if r.abs() < 1.5 => Ok(Value::Float(r)),
        Errno::Range => Err(vm.overflow_error(RANGE)),
    }
}

/// `math_2`: a function of two floats with the same conventions as `math_1`.
fn math_2(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[KwArg],
    f: fn(f64, f64) -> f64,
) -> PyResult<Value> {
    let (x, y) = two_floats(vm, name, args, kw)?;
    let r = f(x, y);
    let e = if r.is_nan() {
        if !x.is_nan() && !y.is_nan() {
            Errno::Dom
        } else {
            Errno::Ok
        }
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    check_errno(vm, r, e)
}

// ---------------------------------------------------------------------------
// One-argument float functions

macro_rules! func1 {
    ($fname:ident, $pyname:literal, $f:expr, $overflow:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
            math_1(vm, $pyname, args, kw, $f, $overflow)
        }
    };
}

func1!(m_sqrt, "sqrt", f64::sqrt, false);
func1!(m_exp, "exp", f64::exp, true);
func1!(m_exp2, "exp2", f64::exp2, true);
func1!(m_expm1, "expm1", f64::exp_m1, true);
func1!(m_sin, "sin", f64::sin, false);
func1!(m_cos, "cos", f64::cos, false);
func1!(m_tan, "tan", f64::tan, false);
func1!(m_asin, "asin", f64::asin, false);
func1!(m_acos, "acos", f64::acos, false);
func1!(m_atan, "atan", f64::atan, false);
func1!(m_sinh, "sinh", f64::sinh, true);
func1!(m_cosh, "cosh", f64::cosh, true);
func1!(m_tanh, "tanh", f64::tanh, false);
func1!(m_asinh, "asinh", c_asinh, false);
func1!(m_acosh, "acosh", c_acosh, false);
func1!(m_atanh, "atanh", c_atanh, false);
func1!(m_fabs, "fabs", f64::abs, false);
func1!(m_cbrt, "cbrt", c_cbrt, false);
func1!(m_log1p, "log1p", log1p, false);

fn log1p(x: f64) -> f64 {
    if x == 0.0 {
        x
    } else {
        x.ln_1p()
    }
}

fn c_asinh(x: f64) -> f64 {
    // SAFETY: a pure function of the C math library.
    unsafe { asinh(x) }
}

fn c_acosh(x: f64) -> f64 {
    // SAFETY: a pure function of the C math library.
    unsafe { acosh(x) }
}

fn c_atanh(x: f64) -> f64 {
    // SAFETY: a pure function of the C math library.
    unsafe { atanh(x) }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn c_cbrt(x: f64) -> f64 {
    // SAFETY: a pure function of the C math library.
    unsafe { cbrtf64(x) }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn c_cbrt(x: f64) -> f64 {
    x.cbrt()
}

fn c_erf(x: f64) -> f64 {
    // SAFETY: `erf` is a pure function of the C math library, linked with std.
    unsafe { erf(x) }
}

fn c_erfc(x: f64) -> f64 {
    // SAFETY: as `erf`.
    unsafe { erfc(x) }
}

fn m_erf(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let x = one_float(vm, "erf", args, kw)?;
    Ok(Value::Float(c_erf(x)))
}

fn m_erfc(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let x = one_float(vm, "erfc", args, kw)?;
    Ok(Value::Float(c_erfc(x)))
}

fn m_gamma(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let x = one_float(vm, "gamma", args, kw)?;
    let (r, e) = tgamma(x);
    check_errno(vm, r, e)
}

fn m_lgamma(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let x = one_float(vm, "lgamma", args, kw)?;
    let (r, e) = lgamma(x);
    check_errno(vm, r, e)
}

// Lanczos approximation, as CPython's mathmodule.c (g = 6.024..., N = 13).
const LANCZOS_N: usize = 13;
// Both are exact binary fractions, written out in full as in CPython.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
#[allow(clippy::excessive_precision)]
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0f64, 0.0f64);
    // For large x the rational function is evaluated in 1/x to avoid overflow.
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x), accurate for large x (CPython's `m_sinpi`).
fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // -sin(pi*(y-1.0)) would give -0.0 instead of 0.0 at y == 1.0.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn tgamma(x: f64) -> (f64, Errno) {
    use std::f64::consts::PI;
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, Errno::Ok);
        }
        return (f64::NAN, Errno::Dom);
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Errno::Dom);
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Errno::Dom);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], Errno::Ok);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (
            r,
            if r.is_infinite() {
                Errno::Range
            } else {
                Errno::Ok
            },
        );
    }
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), Errno::Ok);
        }
        return (f64::INFINITY, Errno::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error in y, for a correction term.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

/// `math.lgamma` without the error check (for random's binomialvariate).
pub fn lgamma_value(x: f64) -> f64 {
    lgamma(x).0
}

fn lgamma(x: f64) -> (f64, Errno) {
    if !x.is_finite() {
        if x.is_nan() {
            return (x, Errno::Ok);
        }
        return (f64::INFINITY, Errno::Ok);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Errno::Dom);
        }
        return (0.0, Errno::Ok);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-absx.ln(), Errno::Ok);
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // Reflection formula for negative x.
        r = LOGPI - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    (
        r,
        if r.is_infinite() {
            Errno::Range
        } else {
            Errno::Ok
        },
    )
}

// ---------------------------------------------------------------------------
// Logarithms

/// `loghelper`: ints are handled exactly, so logs of huge ints work.
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    let int = match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Some(v.clone()),
        Value::Instance(_) => match vm.builtin_base(v) {
            Some(b @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => Some(b),
            _ => None,
        },
        _ => None,
    };
    if let Some(int) = int {
        let n = index_big(vm, &int)?;
        if !n.is_positive() {
            return Err(vm.value_error(DOMAIN));
        }
        return Ok(match big_to_f64(&n) {
            Some(x) => f(x),
            None => {
                let (x, e) = big_frexp(n.magnitude());
                f(x) + f(2.0) * e as f64
            }
        });
    }
    let x = to_f64(vm, v)?;
    let r = f(x);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
        return Err(vm.value_error(DOMAIN));
    }
    Ok(r)
}

fn ln(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            x.ln()
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn log2(x: f64) -> f64 {
    if x.is_finite() && x <= 0.0 {
        return if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        };
    }
    if x.is_infinite() && x < 0.0 {
        return f64::NAN;
    }
    x.log2()
}

fn log10(x: f64) -> f64 {
    if x.is_finite() && x <= 0.0 {
        return if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        };
    }
    if x.is_infinite() && x < 0.0 {
        return f64::NAN;
    }
    x.log10()
}

fn m_log(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "log", kw)?;
    nargs(vm, "log", args, 1, 2)?;
    let num = log_of(vm, &args[0], ln)?;
    let Some(base) = args.get(1) else {
        return Ok(Value::Float(num));
    };
    let den = log_of(vm, base, ln)?;
    if den == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn m_log2(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "log2", args, kw)?;
    Ok(Value::Float(log_of(vm, v, log2)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "log10", args, kw)?;
    Ok(Value::Float(log_of(vm, v, log10)?))
}

// ---------------------------------------------------------------------------
// Two-argument float functions

fn atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    y.atan2(x)
}

fn m_atan2(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    math_2(vm, "atan2", args, kw, atan2)
}

fn m_copysign(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    math_2(vm, "copysign", args, kw, f64::copysign)
}

fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Half-way: choose the even multiple.
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn m_remainder(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    math_2(vm, "remainder", args, kw, remainder)
}

fn m_fmod(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "fmod", args, kw)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    let e = if r.is_nan() && !x.is_nan() && !y.is_nan() {
        Errno::Dom
    } else {
        Errno::Ok
    };
    check_errno(vm, r, e)
}

fn m_pow(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (x, y) = two_floats(vm, "pow", args, kw)?;
    let (r, e) = pow(x, y);
    check_errno(vm, r, e)
}

/// `math.pow`: IEEE specials handled directly, libm for finite ** finite.
fn pow(x: f64, y: f64) -> (f64, Errno) {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return (r, Errno::Ok);
    }
    let r = x.powf(y);
    let e = if r.is_nan() {
        Errno::Dom
    } else if r.is_infinite() {
        if x == 0.0 {
            Errno::Dom
        } else {
            Errno::Range
        }
    } else {
        Errno::Ok
    };
    (r, e)
}

fn m_ldexp(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "ldexp", kw)?;
    nargs(vm, "ldexp", args, 2, 2)?;
    let x = to_f64(vm, &args[0])?;
    let exp = match &args[1] {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => index_big(vm, &args[1])?,
        Value::Instance(_)
            if matches!(
                vm.builtin_base(&args[1]),
                Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
            ) =>
        {
            index_big(vm, &args[1])?
        }
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let (r, e) = match exp.to_i32() {
        Some(n) => {
            let r = ldexp(x, n);
            (
                r,
                if r.is_infinite() {
                    Errno::Range
                } else {
                    Errno::Ok
                },
            )
        }
        None if exp.is_positive() => (f64::INFINITY.copysign(x), Errno::Range),
        None => (0.0f64.copysign(x), Errno::Ok),
    };
    check_errno(vm, r, e)
}

// ---------------------------------------------------------------------------
// Rounding and float decomposition

/// floor / ceil: ints come back unchanged, floats become ints, other objects are
/// asked for `__floor__` / `__ceil__` and otherwise converted to float.
fn round_with(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[KwArg],
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = one_arg(vm, name, args, kw)?;
    match v {
        Value::Int(_) | Value::BigInt(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        Value::Float(x) => return float_to_int(vm, f(*x)),
        Value::Instance(_) | Value::Obj(_) => {
            let n = vm.intern(dunder);
            if let Some(m) = user_method(vm, v, &n) {
                return vm.call_method_value(m, v, &[]);
            }
            if let Some(b @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) =
                vm.builtin_base(v)
            {
                return index_big(vm, &b).map(Value::from_bigint);
            }
        }
        _ => {}
    }
    let x = to_f64(vm, v)?;
    float_to_int(vm, f(x))
}

fn m_floor(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    round_with(vm, "floor", args, kw, "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    round_with(vm, "ceil", args, kw, "__ceil__", f64::ceil)
}

fn m_trunc(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "trunc", args, kw)?;
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => float_to_int(vm, x.trunc()),
        _ => {
            let n = vm.names.d_trunc.clone();
            if let Some(m) = user_method(vm, v, &n) {
                return vm.call_method_value(m, v, &[]);
            }
            match vm.builtin_base(v) {
                Some(Value::Float(x)) => float_to_int(vm, x.trunc()),
                Some(b @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
                    index_big(vm, &b).map(Value::from_bigint)
                }
                _ => Err(vm.type_error(format!(
                    "type {} doesn't define __trunc__ method",
                    vm.type_name(v)
                ))),
            }
        }
    }
}

fn m_modf(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let x = one_float(vm, "modf", args, kw)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn m_frexp(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let x = one_float(vm, "frexp", args, kw)?;
    let (m, e) = crate::object::float::frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_degrees(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let x = one_float(vm, "degrees", args, kw)?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let x = one_float(vm, "radians", args, kw)?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Bool(
        one_float(vm, "isfinite", args, kw)?.is_finite(),
    ))
}

fn m_isinf(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Bool(one_float(vm, "isinf", args, kw)?.is_infinite()))
}

fn m_isnan(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Bool(one_float(vm, "isnan", args, kw)?.is_nan()))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::only_kwargs(vm, "isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let mut ab = [None, None];
    for (i, name) in ["a", "b"].iter().enumerate() {
        let given = kwarg(kw, name);
        ab[i] = match (args.get(i), given) {
            (Some(_), Some(_)) => {
                return Err(vm.type_error(format!(
                    "argument for isclose() given by name ('{name}') and position ({})",
                    i + 1
                )))
            }
            (Some(v), None) | (None, Some(v)) => Some(v.clone()),
            (None, None) => {
                return Err(vm.type_error(format!(
                    "isclose() missing required argument '{name}' (pos {})",
                    i + 1
                )))
            }
        };
    }
    let [Some(a), Some(b)] = ab else {
        return Err(vm.type_error("isclose() missing required argument 'a' (pos 1)"));
    };
    let a = to_f64(vm, &a)?;
    let b = to_f64(vm, &b)?;
    let rel_tol = match kwarg(kw, "rel_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match kwarg(kw, "abs_tol") {
        Some(v) => to_f64(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

/// `nextafter(x, y)` of C99.
fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn m_nextafter(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::only_kwargs(vm, "nextafter", kw, &["steps"])?;
    nargs(vm, "nextafter", args, 2, 2)?;
    let x = to_f64(vm, &args[0])?;
    let y = to_f64(vm, &args[1])?;
    let steps = match kwarg(kw, "steps") {
        None | Some(Value::None) => return Ok(Value::Float(nextafter(x, y))),
        Some(s) => {
            let s = s.clone();
            index_big(vm, &s)?
        }
    };
    if steps.is_negative() {
        return Err(vm.value_error("steps must be a non-negative integer"));
    }
    // More steps than there are floats saturates.
    let usteps = steps.to_u64().unwrap_or(u64::MAX);
    if usteps == 0 || x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(y));
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return Ok(Value::Float(x));
    }
    const SIGN: u64 = 1 << 63;
    let ax = ux & !SIGN;
    let ay = uy & !SIGN;
    let r = if (ux ^ uy) & SIGN != 0 {
        if ax + ay <= usteps {
            uy
        } else if ax < usteps {
            (uy & SIGN) | (usteps - ax)
        } else {
            ux - usteps
        }
    } else if ax > ay {
        if ax - ay >= usteps {
            ux - usteps
        } else {
            uy
        }
    } else if ay - ax >= usteps {
        ux + usteps
    } else {
        uy
    };
    Ok(Value::Float(f64::from_bits(r)))
}

fn m_ulp(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let x = one_float(vm, "ulp", args, kw)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(Value::Float(x - nextafter(x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(x2 - x))
}

fn m_fma(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "fma", kw)?;
    nargs(vm, "fma", args, 3, 3)?;
    let x = to_f64(vm, &args[0])?;
    let y = to_f64(vm, &args[1])?;
    let z = to_f64(vm, &args[2])?;
    let r = x.mul_add(y, z);
    if r.is_finite() {
        return Ok(Value::Float(r));
    }
    if r.is_nan() {
        if !x.is_nan() && !y.is_nan() && !z.is_nan() {
            return Err(vm.value_error("invalid operation in fma"));
        }
    } else if x.is_finite() && y.is_finite() && z.is_finite() {
        return Err(vm.overflow_error("overflow in fma"));
    }
    Ok(Value::Float(r))
}

// ---------------------------------------------------------------------------
// Sums and norms

/// Why an exact float sum failed.
#[derive(Debug, PartialEq)]
pub enum FsumError {
    /// A finite partial sum overflowed (an OverflowError).
    Overflow,
    /// Both infinities were summed (a ValueError).
    InfMinusInf,
}

/// `math.fsum`: Shewchuk's exact summation with CPython's handling of infinities,
/// NaNs and the final half-even correction.
#[derive(Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl Fsum {
    pub fn add(&mut self, x: f64) -> Result<(), FsumError> {
        let xsave = x;
        let mut x = x;
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Either an inf / nan summand or an intermediate overflow.
                if xsave.is_finite() {
                    return Err(FsumError::Overflow);
                }
                if xsave.is_infinite() {
                    self.inf_sum += xsave;
                }
                self.special_sum += xsave;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    pub fn total(&self) -> Result<f64, FsumError> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(FsumError::InfMinusInf);
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut n = p.len();
        if n == 0 {
            return Ok(0.0);
        }
        n -= 1;
        let mut hi = p[n];
        let mut lo = 0.0;
        // Sum from the top while the sum stays exact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Half-even rounding across partials: sum([1e-16, 1, 1e16]) rounds up.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
        Ok(hi)
    }
}

fn m_fsum(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "fsum", args, kw)?;
    let it = vm.get_iter(v)?;
    let mut acc = Fsum::default();
    while let Some(item) = vm.next(&it)? {
        let x = to_f64(vm, &item)?;
        if acc.add(x).is_err() {
            return Err(vm.overflow_error("intermediate overflow in fsum"));
        }
    }
    match acc.total() {
        Ok(r) => Ok(Value::Float(r)),
        Err(FsumError::InfMinusInf) => Err(vm.value_error("-inf + inf in fsum")),
        Err(FsumError::Overflow) => Err(vm.overflow_error("intermediate overflow in fsum")),
    }
}

/// The Euclidean norm of non-negative coordinates whose maximum is `max`, accurate
/// to within one ulp (CPython's `vector_norm`).
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::object::float::frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: rescale subnormals first.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -max_e);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    for &v in vec.iter() {
        let x = v * scale;
        let (hi, lo) = dl_mul(x, x);
        let (s_hi, s_lo) = dl_fast_sum(csum, hi);
        csum = s_hi;
        frac1 += lo;
        frac2 += s_lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (s_hi, s_lo) = dl_fast_sum(csum, hi);
    csum = s_hi;
    frac1 += lo;
    frac2 += s_lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn dl_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

fn dl_fast_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, b - z)
}

fn m_hypot(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "hypot", kw)?;
    let mut coords = Vec::with_capacity(args.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for a in args {
        let x = to_f64(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&mut coords, max, found_nan)))
}

fn m_dist(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "dist", kw)?;
    nargs(vm, "dist", args, 2, 2)?;
    let p = vm.collect_iterable(&args[0])?;
    let q = vm.collect_iterable(&args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let mut max = 0.0f64;
    let mut found_nan = false;
    for (a, b) in p.iter().zip(q.iter()) {
        let px = to_f64(vm, a)?;
        let qx = to_f64(vm, b)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::Float(vector_norm(&mut diffs, max, found_nan)))
}

fn m_prod(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::only_kwargs(vm, "prod", kw, &["start"])?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let Some(iterable) = args.first() else {
        return Err(vm.type_error("prod() missing required argument 'iterable' (pos 1)"));
    };
    let mut acc = kwarg(kw, "start").cloned().unwrap_or(Value::Int(1));
    let it = vm.get_iter(iterable)?;
    while let Some(item) = vm.next(&it)? {
        acc = vm.binary_op(crate::code::BinOp::Mul, &acc, &item)?;
    }
    Ok(acc)
}

// ---------------------------------------------------------------------------
// Integer functions

fn m_gcd(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "gcd", kw)?;
    let mut acc = BigInt::zero();
    for a in args {
        let n = index_big(vm, a)?;
        if !acc.is_one() {
            acc = acc.gcd(&n);
        }
    }
    Ok(Value::from_bigint(acc))
}

fn m_lcm(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "lcm", kw)?;
    let mut acc = BigInt::one();
    for a in args {
        let n = index_big(vm, a)?;
        if !acc.is_zero() {
            acc = acc.lcm(&n);
        }
    }
    Ok(Value::from_bigint(acc.abs()))
}

fn m_factorial(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "factorial", args, kw)?;
    let n = index_big(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    Ok(Value::from_bigint(bigint_products::factorial(n)))
}

fn comb_perm_args(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = index_big(vm, n)?;
    let k = index_big(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn m_comb(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "comb", kw)?;
    nargs(vm, "comb", args, 2, 2)?;
    let (n, k) = comb_perm_args(vm, &args[0], &args[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    Ok(Value::from_bigint(bigint_products::comb(&n, k)))
}

fn m_perm(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "perm", kw)?;
    nargs(vm, "perm", args, 1, 2)?;
    let k = match args.get(1) {
        None | Some(Value::None) => return m_factorial(vm, &args[..1], &[]),
        Some(k) => k.clone(),
    };
    let (n, k) = comb_perm_args(vm, &args[0], &k)?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    Ok(Value::from_bigint(bigint_products::perm(&n, k)))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "isqrt", args, kw)?;
    let n = index_big(vm, v)?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

// ---------------------------------------------------------------------------

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("pow", m_pow),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("fabs", m_fabs),
        ("copysign", m_copysign),
        ("fmod", m_fmod),
        ("remainder", m_remainder),
        ("modf", m_modf),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("factorial", m_factorial),
        ("comb", m_comb),
        ("perm", m_perm),
        ("isqrt", m_isqrt),
        ("prod", m_prod),
        ("fsum", m_fsum),
        ("sumprod", sumprod::sumprod),
        ("cbrt", m_cbrt),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("gamma", m_gamma),
        ("lgamma", m_lgamma),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
        ("fma", m_fma),
    ];
    for (name, f) in fns {
        add_function(vm, d, "math", name, *f);
    }
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, v) in consts {
        d.set_str(vm.intern(name), Value::Float(v));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fsum(xs: &[f64]) -> Result<f64, FsumError> {
        let mut acc = Fsum::default();
        for &x in xs {
            acc.add(x)?;
        }
        acc.total()
    }

    #[test]
    fn fsum_is_exact() {
        assert_eq!(fsum(&[0.1; 10]), Ok(1.0));
        assert_eq!(fsum(&[1e100, 1.0, -1e100]), Ok(1.0));
        assert_eq!(fsum(&[]), Ok(0.0));
        // Half-even across partials.
        assert_eq!(fsum(&[1e-16, 1.0, 1e16]), Ok(10000000000000002.0));
        assert_eq!(
            fsum(&[1.0, 1e-100, -1.0, 2.0f64.powi(-1074)]),
            Ok(1e-100 + 2.0f64.powi(-1074))
        );
    }

    #[test]
    fn fsum_specials() {
        assert_eq!(fsum(&[f64::INFINITY, 1.0]), Ok(f64::INFINITY));
        assert_eq!(
            fsum(&[f64::INFINITY, f64::NEG_INFINITY]),
            Err(FsumError::InfMinusInf)
        );
        assert_eq!(fsum(&[1e308, 1e308]), Err(FsumError::Overflow));
        assert!(fsum(&[f64::NAN, 1.0]).is_ok_and(|x| x.is_nan()));
    }

    #[test]
    fn big_ints_round_to_nearest_even() {
        let two = BigInt::from(2);
        // 2**53 + 1 is a tie between 2**53 and 2**53 + 2: even wins.
        let tie = two.pow(53u32) + 1;
        assert_eq!(big_to_f64(&tie), Some(9007199254740992.0));
        // Past 64 bits, a low bit beyond the tie breaks it upwards.
        let above = (two.pow(53u32) + 1) * two.pow(20u32) + 1;
        assert_eq!(big_to_f64(&above), Some(9007199254740994.0 * 2f64.powi(20)));
        assert_eq!(big_to_f64(&two.pow(1024u32)), None);
        assert_eq!(big_to_f64(&-two.pow(1000u32)), Some(-(2f64.powi(1000))));
    }

    #[test]
    fn ldexp_rounds_subnormals_once() {
        assert_eq!(ldexp(1.0, 10), 1024.0);
        assert_eq!(ldexp(1.0, -1074), f64::from_bits(1));
        assert_eq!(ldexp(1.5, -1074), f64::from_bits(2));
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(f64::MIN_POSITIVE, 2000), ldexp(1.0, 2000 - 1022));
    }

    #[test]
    fn norms() {
        assert_eq!(vector_norm(&mut [3.0, 4.0], 4.0, false), 5.0);
        assert_eq!(vector_norm(&mut [5.0, 12.0], 12.0, false), 13.0);
    }
}
