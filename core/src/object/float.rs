//! Float text and hashing exactly as CPython prints and hashes them.

/// `repr(f)`: the shortest text that round-trips, in fixed notation for exponents in
/// [-4, 16) and scientific notation otherwise.
pub fn repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let (neg, digits, exp) = shortest_digits(f);
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        out.push_str(&fixed_from_digits(&digits, exp, true));
    } else {
        out.push_str(&sci_from_digits(&digits, exp, true));
    }
    out
}

/// The shortest round-trip decimal digits of `f` and the decimal exponent of the first
/// digit (`1.5e3` -> ("15", 3)): dtoa's mode 0, the fewest digits that read
/// back as `f` and among those the nearest to `f`, ties to an even digit.
///
/// Rust's `{:e}` finds the same length but breaks exact ties upwards
/// (857565574354302.25 prints as ...302.3; CPython says ...302.2). The
/// correctly rounded string of that length settles it whenever it also round
/// trips; it may not next to a power of two, where the round-trip interval
/// is lopsided, and then Rust's answer is the only candidate.
pub fn shortest_digits(f: f64) -> (bool, String, i32) {
    let split = |s: &str| {
        let neg = s.starts_with('-');
        let s = s.trim_start_matches('-');
        let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let digits: String = mant.chars().filter(|c| *c != '.').collect();
        (neg, digits, exp)
    };
    let shortest = split(&format!("{f:e}"));
    // A tie needs the gap between doubles to reach a unit in the last
    // digit, which takes at least 16 significant digits.
    if shortest.1.len() < 16 {
        return shortest;
    }
    let nearest = format!("{:.*e}", shortest.1.len() - 1, f);
    if nearest.parse::<f64>() == Ok(f) {
        let (neg, mut digits, exp) = split(&nearest);
        let kept = digits.trim_end_matches('0').len().max(1);
        digits.truncate(kept);
        return (neg, digits, exp);
    }
    shortest
}

/// Fixed notation from digits d1d2d3... with value 0.d1d2d3 * 10^(exp+1).
fn fixed_from_digits(digits: &str, exp: i32, force_point: bool) -> String {
    let n = digits.len() as i32;
    let mut out = String::new();
    if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(digits);
    } else if exp + 1 >= n {
        out.push_str(digits);
        for _ in 0..(exp + 1 - n) {
            out.push('0');
        }
        if force_point {
            out.push_str(".0");
        }
    } else {
        let (a, b) = digits.split_at((exp + 1) as usize);
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    }
    out
}

fn sci_from_digits(digits: &str, exp: i32, _force: bool) -> String {
    let mut out = String::new();
    let (first, rest) = digits.split_at(1);
    out.push_str(first);
    if !rest.is_empty() {
        out.push('.');
        out.push_str(rest);
    }
    out.push_str(&exp_suffix(exp));
    out
}

/// `e+05`, `e-10`, `e+300`: at least two exponent digits, always signed.
pub fn exp_suffix(exp: i32) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!("e{}{:02}", sign, exp.unsigned_abs())
}

/// CPython's `_Py_HashDouble` for finite values (infinities hash to +-314159).
pub fn hash(v: f64) -> i64 {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - e) % BITS as i32)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let r = (x as i64) * sign;
    if r == -1 {
        -2
    } else {
        r
    }
}

/// Mantissa in [0.5, 1) and exponent, as C's frexp.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: normalise first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m_bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(m_bits), e)
}

/// Format with a fixed number of digits after the point (`'f'`).
pub fn format_fixed(v: f64, precision: usize) -> String {
    if !v.is_finite() {
        return nonfinite(v);
    }
    format!("{:.*}", precision, v)
}

/// Format in scientific notation (`'e'`) with `precision` digits after the point.
pub fn format_sci(v: f64, precision: usize) -> String {
    if !v.is_finite() {
        return nonfinite(v);
    }
    let s = format!("{:.*e}", precision, v);
    match s.split_once('e') {
        Some((m, e)) => format!("{}{}", m, exp_suffix(e.parse().unwrap_or(0))),
        None => s,
    }
}

/// General format (`'g'`): `precision` significant digits, trailing zeros removed
/// unless `alternate`.
pub fn format_general(v: f64, precision: usize, alternate: bool) -> String {
    if !v.is_finite() {
        return nonfinite(v);
    }
    let p = precision.max(1);
    if v == 0.0 {
        let s = if alternate {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".to_string()
        };
        return if v.is_sign_negative() {
            format!("-{s}")
        } else {
            s
        };
    }
    let sci = format!("{:.*e}", p - 1, v);
    let exp: i32 = sci
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let mut s = if exp < -4 || exp >= p as i32 {
        let (m, _) = sci.split_once('e').unwrap_or((&sci, "0"));
        let m = if alternate {
            m.to_string()
        } else {
            strip_zeros(m)
        };
        format!("{}{}", m, exp_suffix(exp))
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        let f = format!("{:.*}", decimals, v);
        if alternate {
            f
        } else {
            strip_zeros(&f)
        }
    };
    if alternate && !s.contains('.') && !s.contains('e') {
        s.push('.');
    }
    s
}

fn strip_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

fn nonfinite(v: f64) -> String {
    if v.is_nan() {
        "nan".into()
    } else if v > 0.0 {
        "inf".into()
    } else {
        "-inf".into()
    }
}

/// `str(f)` with no format spec but a precision: repr-style `'r'` is `repr`.
pub fn format_repr_like(v: f64) -> String {
    repr(v)
}

/// Round `v` to `ndigits` decimal places with round-half-even on the exact decimal
/// value, as CPython's `round(float, n)` does.
pub fn round_digits(v: f64, ndigits: i64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    if ndigits > 308 {
        return v;
    }
    if ndigits < -308 {
        return 0.0 * v;
    }
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, v);
        s.parse().unwrap_or(v)
    } else {
        let p = 10f64.powi((-ndigits) as i32);
        let y = v / p;
        let r = y.round();
        let r = if (y - y.trunc()).abs() == 0.5 {
            2.0 * (y / 2.0).round()
        } else {
            r
        };
        r * p
    }
}
