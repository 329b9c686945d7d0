//! `cmath`: the complex functions of CPython 3.13 with its results at infinities,
//! NaNs and signed zeros (those of C99's Annex G, with CPython's choices where the
//! standard leaves a sign open), its branch cuts, and its errors: ValueError "math
//! domain error" where a finite argument has no finite answer, OverflowError "math
//! range error" where the answer overflows.
//!
//! Every function first settles arguments that are not finite (`special_*`), then
//! computes on finite ones with formulas chosen to stay accurate near the cuts and at
//! the ends of the float range. The trigonometric functions are the hyperbolic ones
//! turned a quarter: sin z = -i sinh(iz) and so on. Depends on core's public API.

use std::f64::consts::{E, FRAC_PI_2, LN_10, LN_2, PI, TAU};
use tripwire_core::builtins::complex::{as_complex, new_complex, C};
use tripwire_core::builtins::{add_function, parse_clinic_args};
use tripwire_core::modules::math::to_f64;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyErr, PyResult, Vm};

/// Why a result is an error, as the C library's errno would say.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fault {
    /// EDOM: ValueError.
    Domain,
    /// ERANGE: OverflowError.
    Range,
}

type Answer = Result<C, Fault>;

// CPython calls the C library's asinh; Rust's own differs from it in the last bit.
#[cfg_attr(target_os = "linux", link(name = "m"))]
extern "C" {
    #[link_name = "asinh"]
    fn libm_asinh(x: f64) -> f64;
}

fn asinh_real(x: f64) -> f64 {
    // SAFETY: a pure function of a float.
    unsafe { libm_asinh(x) }
}

/// Past this, squares and sums of the parts overflow.
const LARGE: f64 = f64::MAX / 4.0;
fn sqrt_large() -> f64 {
    LARGE.sqrt()
}
fn log_large() -> f64 {
    LARGE.ln()
}
/// The scaling of subnormal arguments of sqrt: up by an odd power of two, so that
/// the root comes back down by a whole one.
const SCALE_UP: i32 = 53;
const SCALE_DOWN: i32 = -27;

fn c(re: f64, im: f64) -> C {
    C { re, im }
}

fn ldexp(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e)
}

fn is_finite(z: C) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

/// The result of `f` on the quarter-turned argument, turned back: the
/// trigonometric functions from the hyperbolic ones.
fn turned(z: C, f: fn(C) -> Answer) -> Answer {
    let s = f(c(-z.im, z.re))?;
    Ok(c(s.im, -s.re))
}

fn sqrt(z: C) -> Answer {
    let (x, y) = (z.re, z.im);
    if !is_finite(z) {
        return Ok(if y.is_infinite() {
            c(f64::INFINITY, y)
        } else if x == f64::NEG_INFINITY {
            if y.is_nan() {
                c(f64::NAN, f64::INFINITY)
            } else {
                c(0.0, f64::INFINITY.copysign(y))
            }
        } else if x == f64::INFINITY {
            c(x, if y.is_nan() { y } else { 0f64.copysign(y) })
        } else {
            c(f64::NAN, f64::NAN)
        });
    }
    if x == 0.0 && y == 0.0 {
        return Ok(c(0.0, y));
    }
    let (ax, ay) = (x.abs(), y.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        let ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    Ok(if x >= 0.0 {
        c(s, d.copysign(y))
    } else {
        c(d, s.copysign(y))
    })
}

fn exp(z: C) -> Answer {
    let (x, y) = (z.re, z.im);
    if !is_finite(z) {
        return if x == f64::NEG_INFINITY {
            Ok(if y.is_finite() {
                c(0.0 * y.cos(), 0.0 * y.sin())
            } else {
                c(0.0, 0.0)
            })
        } else if y.is_infinite() && !x.is_nan() {
            Err(Fault::Domain)
        } else if x == f64::INFINITY {
            Ok(if y == 0.0 || y.is_nan() {
                c(x, y)
            } else {
                c(x * y.cos(), x * y.sin())
            })
        } else if x.is_nan() && y == 0.0 {
            Ok(c(x, y))
        } else {
            Ok(c(f64::NAN, f64::NAN))
        };
    }
    let r = if x > log_large() {
        let l = (x - 1.0).exp();
        c(l * y.cos() * E, l * y.sin() * E)
    } else {
        let l = x.exp();
        c(l * y.cos(), l * y.sin())
    };
    overflow_checked(r)
}

fn overflow_checked(r: C) -> Answer {
    if r.re.is_infinite() || r.im.is_infinite() {
        Err(Fault::Range)
    } else {
        Ok(r)
    }
}

/// log, acosh: infinite when a part is, at the argument's angle (NaN if a part is).
fn special_log_like(z: C) -> C {
    let (x, y) = (z.re, z.im);
    if x.is_infinite() || y.is_infinite() {
        let angle = if x.is_nan() || y.is_nan() {
            f64::NAN
        } else {
            y.atan2(x)
        };
        c(f64::INFINITY, angle)
    } else {
        c(f64::NAN, f64::NAN)
    }
}

fn log(z: C) -> Answer {
    if !is_finite(z) {
        return Ok(special_log_like(z));
    }
    let (x, y) = (z.re, z.im);
    let (ax, ay) = (x.abs(), y.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax == 0.0 && ay == 0.0 {
            return Err(Fault::Domain);
        }
        let digits = f64::MANTISSA_DIGITS as i32;
        ldexp(ax, digits).hypot(ldexp(ay, digits)).ln() - f64::from(digits) * LN_2
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (big, small) = (ax.max(ay), ax.min(ay));
            ((big - 1.0) * (big + 1.0) + small * small).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    Ok(c(re, y.atan2(x)))
}

fn log10(z: C) -> Answer {
    let r = log(z)?;
    Ok(c(r.re / LN_10, r.im / LN_10))
}

/// `a / b` as CPython's complex division does it; None for a zero divisor.
fn divide(a: C, b: C) -> Option<C> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(c(
            (a.re + a.im * ratio) / denom,
            (a.im - a.re * ratio) / denom,
        ))
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(c(
            (a.re * ratio + a.im) / denom,
            (a.im * ratio - a.re) / denom,
        ))
    } else {
        Some(c(f64::NAN, f64::NAN))
    }
}

/// log(hypot(x, y)) + ln 4 without overflow, for the arguments past `LARGE`.
fn log_hypot_4(x: f64, y: f64) -> f64 {
    (x / 2.0).hypot(y / 2.0).ln() + LN_2 * 2.0
}

fn acos(z: C) -> Answer {
    let (x, y) = (z.re, z.im);
    if !is_finite(z) {
        return Ok(if x.is_nan() {
            c(f64::NAN, if y.is_infinite() { -y } else { f64::NAN })
        } else if y.is_nan() {
            if x.is_infinite() {
                c(f64::NAN, f64::INFINITY)
            } else if x == 0.0 {
                c(FRAC_PI_2, y)
            } else {
                c(f64::NAN, f64::NAN)
            }
        } else {
            c(y.abs().atan2(x), -f64::INFINITY.copysign(y))
        });
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        let im = if x < 0.0 {
            -log_hypot_4(x, y).copysign(y)
        } else {
            log_hypot_4(x, y).copysign(-y)
        };
        return Ok(c(y.abs().atan2(x), im));
    }
    let s1 = sqrt(c(1.0 - x, -y))?;
    let s2 = sqrt(c(1.0 + x, y))?;
    Ok(c(
        2.0 * s1.re.atan2(s2.re),
        asinh_real(s2.re * s1.im - s2.im * s1.re),
    ))
}

fn acosh(z: C) -> Answer {
    let (x, y) = (z.re, z.im);
    if !is_finite(z) {
        return Ok(special_log_like(z));
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        return Ok(c(log_hypot_4(x, y), y.atan2(x)));
    }
    let s1 = sqrt(c(x - 1.0, y))?;
    let s2 = sqrt(c(x + 1.0, y))?;
    Ok(c(
        asinh_real(s1.re * s2.re + s1.im * s2.im),
        2.0 * s1.im.atan2(s2.re),
    ))
}

fn asinh(z: C) -> Answer {
    let (x, y) = (z.re, z.im);
    if !is_finite(z) {
        return Ok(if x.is_infinite() {
            c(x, if y.is_nan() { y } else { y.atan2(x.abs()) })
        } else if y.is_infinite() {
            if x.is_nan() {
                c(f64::INFINITY, x)
            } else {
                c(f64::INFINITY.copysign(x), FRAC_PI_2.copysign(y))
            }
        } else if x.is_nan() && y == 0.0 {
            c(x, y)
        } else {
            c(f64::NAN, f64::NAN)
        });
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        let re = if y >= 0.0 {
            log_hypot_4(x, y).copysign(x)
        } else {
            -log_hypot_4(x, y).copysign(-x)
        };
        return Ok(c(re, y.atan2(x.abs())));
    }
    let s1 = sqrt(c(1.0 + y, -x))?;
    let s2 = sqrt(c(1.0 - y, x))?;
    Ok(c(
        asinh_real(s1.re * s2.im - s2.re * s1.im),
        y.atan2(s1.re * s2.re - s1.im * s2.im),
    ))
}

fn atanh(z: C) -> Answer {
    let (x, y) = (z.re, z.im);
    if !is_finite(z) {
        return Ok(if x.is_infinite() || y.is_infinite() {
            let re = if x.is_nan() { 0.0 } else { 0f64.copysign(x) };
            c(re, if y.is_nan() { y } else { FRAC_PI_2.copysign(y) })
        } else if x == 0.0 {
            c(x, y)
        } else {
            c(f64::NAN, f64::NAN)
        });
    }
    if x < 0.0 {
        let r = atanh(c(-x, -y))?;
        return Ok(c(-r.re, -r.im));
    }
    let ay = y.abs();
    if x > sqrt_large() || ay > sqrt_large() {
        let h = (x / 2.0).hypot(y / 2.0);
        return Ok(c(x / 4.0 / h / h, -FRAC_PI_2.copysign(-y)));
    }
    if x == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return Err(Fault::Domain);
        }
        return Ok(c(
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            (2f64.atan2(-ay) / 2.0).copysign(y),
        ));
    }
    let one_minus = 1.0 - x;
    Ok(c(
        (4.0 * x / (one_minus * one_minus + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * y).atan2(one_minus * (1.0 + x) - ay * ay) / 2.0,
    ))
}

/// cosh (`even`) or sinh at an argument with a part not finite.
fn special_hyperbolic(z: C, even: bool) -> Answer {
    let (x, y) = (z.re, z.im);
    if x.is_infinite() {
        return if y.is_infinite() {
            Err(Fault::Domain)
        } else if y.is_nan() {
            Ok(c(f64::INFINITY, y))
        } else if y == 0.0 {
            let sign_product = 0f64.copysign(x) * y;
            Ok(if even {
                c(f64::INFINITY, 0f64.copysign(sign_product))
            } else {
                c(x, y)
            })
        } else {
            let (cosh_x, sinh_x) = (f64::INFINITY, x);
            Ok(if even {
                c(cosh_x * y.cos(), sinh_x * y.sin())
            } else {
                c(sinh_x * y.cos(), cosh_x * y.sin())
            })
        };
    }
    if y.is_infinite() && !x.is_nan() {
        return Err(Fault::Domain);
    }
    Ok(if x == 0.0 && y.is_nan() {
        if even {
            c(y, 0.0)
        } else {
            c(0.0, y)
        }
    } else if x.is_nan() && y == 0.0 {
        if even {
            c(x, 0.0)
        } else {
            c(x, y)
        }
    } else {
        c(f64::NAN, f64::NAN)
    })
}

/// cosh (`even`) or sinh; near the top of the range the exponential is taken one
/// lower and the result scaled by e, so that it overflows only where the answer does.
fn hyperbolic(z: C, even: bool) -> Answer {
    if !is_finite(z) {
        return special_hyperbolic(z, even);
    }
    let (x, y) = (z.re, z.im);
    let (x, scale) = if x.abs() > log_large() {
        (x - 1f64.copysign(x), E)
    } else {
        (x, 1.0)
    };
    let (first, second) = if even {
        (x.cosh(), x.sinh())
    } else {
        (x.sinh(), x.cosh())
    };
    let r = if scale == 1.0 {
        c(y.cos() * first, y.sin() * second)
    } else {
        c(y.cos() * first * scale, y.sin() * second * scale)
    };
    overflow_checked(r)
}

fn cosh(z: C) -> Answer {
    hyperbolic(z, true)
}

fn sinh(z: C) -> Answer {
    hyperbolic(z, false)
}

fn tanh(z: C) -> Answer {
    let (x, y) = (z.re, z.im);
    if !is_finite(z) {
        return if x.is_infinite() {
            // The sign of sin 2y, taken as 2 sin y cos y so that 2y cannot overflow.
            let im = if y.is_finite() {
                0f64.copysign(2.0 * y.sin() * y.cos())
            } else {
                0.0
            };
            Ok(c(1f64.copysign(x), im))
        } else if y.is_infinite() && !x.is_nan() {
            Err(Fault::Domain)
        } else if x.is_nan() && y == 0.0 {
            Ok(c(x, y))
        } else {
            Ok(c(f64::NAN, f64::NAN))
        };
    }
    if x.abs() > log_large() {
        return Ok(c(
            1f64.copysign(x),
            4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp(),
        ));
    }
    let (tx, ty) = (x.tanh(), y.tan());
    let cx = 1.0 / x.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    Ok(c(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx))
}

fn asin(z: C) -> Answer {
    turned(z, asinh)
}

fn atan(z: C) -> Answer {
    turned(z, atanh)
}

fn sin(z: C) -> Answer {
    turned(z, sinh)
}

fn tan(z: C) -> Answer {
    turned(z, tanh)
}

fn cos(z: C) -> Answer {
    cosh(c(-z.im, z.re))
}

fn fault_error(vm: &Vm, f: Fault) -> PyErr {
    match f {
        Fault::Domain => vm.value_error("math domain error"),
        Fault::Range => vm.overflow_error("math range error"),
    }
}

/// An argument as a complex: a complex, an object with `__complex__` (which must
/// give a complex), or a real number.
fn complex_arg(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(z) = as_complex(v) {
        return Ok(z);
    }
    if let Some(z) = vm.builtin_base(v).as_ref().and_then(as_complex) {
        return Ok(z);
    }
    let name = vm.intern("__complex__");
    if let Some(m) = vm.type_of(v).lookup(&name) {
        if !matches!(m, Value::Builtin(_)) {
            let r = vm.call_method_value(m, v, &[])?;
            return as_complex(&r)
                .or_else(|| vm.builtin_base(&r).as_ref().and_then(as_complex))
                .ok_or_else(|| {
                    vm.type_error(format!(
                        "__complex__ returned non-complex (type {})",
                        vm.type_name(&r)
                    ))
                });
        }
    }
    Ok(c(to_f64(vm, v)?, 0.0))
}

/// The one argument of `cmath.name(z)`.
fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: &[KwArg]) -> PyResult<C> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("cmath.{name}() takes no keyword arguments")));
    }
    let [z] = args else {
        return Err(vm.type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    complex_arg(vm, z)
}

macro_rules! complex_functions {
    ($($name:ident),* $(,)?) => {
        mod wrappers {
            use super::*;
            $(
                pub fn $name(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
                    let z = one_arg(vm, stringify!($name), args, kw)?;
                    super::$name(z).map(new_complex).map_err(|f| fault_error(vm, f))
                }
            )*
        }
        const FUNCTIONS: &[(&str, NativeFn)] = &[$((stringify!($name), wrappers::$name)),*];
    };
}

complex_functions!(
    sqrt, exp, log10, acos, asin, atan, cos, sin, tan, acosh, asinh, atanh, cosh, sinh, tanh,
);

/// `log(z[, base])`: with a base, the quotient of the two logarithms; only the
/// base's logarithm and the division can then fail.
fn log_fn(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("cmath.log() takes no keyword arguments"));
    }
    let (z, base) = match args {
        [z] => (z, None),
        [z, base] => (z, Some(base)),
        _ => {
            return Err(vm.type_error(format!(
                "log expected {}, got {}",
                if args.is_empty() {
                    "at least 1 argument"
                } else {
                    "at most 2 arguments"
                },
                args.len()
            )))
        }
    };
    let z = complex_arg(vm, z)?;
    let r = match base {
        None => log(z),
        Some(b) => {
            let b = complex_arg(vm, b)?;
            let numerator = log(z).unwrap_or_else(|_| c(f64::NEG_INFINITY, z.im.atan2(z.re)));
            log(b).and_then(|d| divide(numerator, d).ok_or(Fault::Domain))
        }
    };
    r.map(new_complex).map_err(|f| fault_error(vm, f))
}

/// |z|, infinite if a part is (even with a NaN), OverflowError past the range.
fn magnitude(z: C) -> Result<f64, Fault> {
    if z.re.is_infinite() || z.im.is_infinite() {
        return Ok(f64::INFINITY);
    }
    let r = z.re.hypot(z.im);
    if r.is_infinite() {
        return Err(Fault::Range);
    }
    Ok(r)
}

/// The argument's angle. As the C library's atan2 under CPython, an angle that
/// underflows to zero from a non-zero imaginary part is a range error.
fn phase_value(z: C) -> Result<f64, Fault> {
    let angle = z.im.atan2(z.re);
    if angle == 0.0 && z.im != 0.0 && is_finite(z) {
        return Err(Fault::Range);
    }
    Ok(angle)
}

fn phase(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let z = one_arg(vm, "phase", args, kw)?;
    phase_value(z)
        .map(Value::Float)
        .map_err(|f| fault_error(vm, f))
}

fn polar(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let z = one_arg(vm, "polar", args, kw)?;
    let r = magnitude(z).map_err(|f| fault_error(vm, f))?;
    Ok(Value::tuple(vec![
        Value::Float(r),
        Value::Float(z.im.atan2(z.re)),
    ]))
}

fn rect_value(r: f64, phi: f64) -> Answer {
    if r.is_finite() && phi.is_finite() {
        return Ok(if phi == 0.0 {
            c(r, r * phi)
        } else {
            c(r * phi.cos(), r * phi.sin())
        });
    }
    if phi.is_infinite() && r != 0.0 && !r.is_nan() {
        return Err(Fault::Domain);
    }
    Ok(if r == 0.0 {
        c(0.0, 0.0)
    } else if r.is_infinite() && phi.is_finite() {
        if phi == 0.0 {
            c(r, 0f64.copysign(r) * phi)
        } else {
            let sign = 1f64.copysign(r);
            c(
                sign * f64::INFINITY.copysign(phi.cos()),
                sign * f64::INFINITY.copysign(phi.sin()),
            )
        }
    } else if r.is_infinite() {
        c(f64::INFINITY, phi)
    } else if r.is_nan() && phi == 0.0 {
        c(r, 0.0)
    } else {
        c(f64::NAN, f64::NAN)
    })
}

fn rect(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("cmath.rect() takes no keyword arguments"));
    }
    let [r, phi] = args else {
        return Err(vm.type_error(format!("rect expected 2 arguments, got {}", args.len())));
    };
    let r = to_f64(vm, r)?;
    let phi = to_f64(vm, phi)?;
    rect_value(r, phi)
        .map(new_complex)
        .map_err(|f| fault_error(vm, f))
}

fn isfinite(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let z = one_arg(vm, "isfinite", args, kw)?;
    Ok(Value::Bool(is_finite(z)))
}

fn isinf(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let z = one_arg(vm, "isinf", args, kw)?;
    Ok(Value::Bool(z.re.is_infinite() || z.im.is_infinite()))
}

fn isnan(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let z = one_arg(vm, "isnan", args, kw)?;
    Ok(Value::Bool(z.re.is_nan() || z.im.is_nan()))
}

/// `isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)`.
fn isclose(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [a, b, rel_tol, abs_tol] = parse_clinic_args(
        vm,
        "isclose",
        ["a", "b", "rel_tol", "abs_tol"],
        2,
        2,
        args,
        kw,
    )?;
    let (Some(a), Some(b)) = (a, b) else {
        return Err(vm.type_error("isclose() missing required argument"));
    };
    let a = complex_arg(vm, &a)?;
    let b = complex_arg(vm, &b)?;
    let rel_tol = match rel_tol {
        Some(v) => to_f64(vm, &v)?,
        None => 1e-9,
    };
    let abs_tol = match abs_tol {
        Some(v) => to_f64(vm, &v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    // Infinities are close only to themselves.
    if [a.re, a.im, b.re, b.im].iter().any(|p| p.is_infinite()) {
        return Ok(Value::Bool(false));
    }
    let diff = (a.re - b.re).hypot(a.im - b.im);
    let close =
        diff <= rel_tol * b.re.hypot(b.im) || diff <= rel_tol * a.re.hypot(a.im) || diff <= abs_tol;
    Ok(Value::Bool(close))
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    for (name, f) in FUNCTIONS {
        add_function(vm, d, "cmath", name, *f);
    }
    let others: [(&'static str, NativeFn); 8] = [
        ("log", log_fn),
        ("phase", phase),
        ("polar", polar),
        ("rect", rect),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
    ];
    for (name, f) in others {
        add_function(vm, d, "cmath", name, f);
    }
    for (name, value) in [
        ("pi", Value::Float(PI)),
        ("e", Value::Float(E)),
        ("tau", Value::Float(TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
        ("infj", new_complex(c(0.0, f64::INFINITY))),
        ("nanj", new_complex(c(0.0, f64::NAN))),
    ] {
        d.set_str(vm.intern(name), value);
    }
    Ok(())
}
