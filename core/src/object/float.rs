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

/// `round(v, ndigits)`: `v` rounded half to even at the decimal digit
/// `10**-ndigits` from its exact binary value, as CPython's dtoa does; None
/// when the result overflows.
pub fn round_digits(v: f64, ndigits: i64) -> Option<f64> {
    if !v.is_finite() || v == 0.0 || ndigits > 323 {
        return Some(v);
    }
    if ndigits >= 0 {
        let s = format!("{:.*}", ndigits as usize, v);
        return Some(s.parse().unwrap_or(v));
    }
    let k = ndigits.unsigned_abs();
    // Digits before the point of |v| (exact: an integer prints exactly).
    let int_digits = format!("{:.0}", v.abs().trunc())
        .trim_start_matches('0')
        .len() as u64;
    let rounded = if int_digits > k {
        let significant = (int_digits - k) as usize;
        format!("{:.*e}", significant - 1, v).parse().unwrap_or(v)
    } else if int_digits == k && above_half_power(v.abs(), k) {
        // In [10**(k-1), 10**k): rounds up to 10**k past the midpoint.
        format!("1e{k}").parse::<f64>().unwrap_or(f64::INFINITY)
    } else {
        0.0
    };
    let rounded = rounded.copysign(v);
    rounded.is_finite().then_some(rounded)
}

/// Whether `x` exceeds 5 * 10**(k-1), exactly.
fn above_half_power(x: f64, k: u64) -> bool {
    use num_bigint::BigUint;
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let half = BigUint::from(5u8) * BigUint::from(10u8).pow((k - 1) as u32);
    if e >= 0 {
        (BigUint::from(m) << e as usize) > half
    } else {
        BigUint::from(m) > (half << (-e) as usize)
    }
}

/// `m * 2**exp` correctly rounded (half to even) to a float, subnormals
/// included; infinity when it overflows.
pub fn from_scaled_int(m: &num_bigint::BigUint, exp: i64) -> f64 {
    use num_traits::ToPrimitive;
    let bits = m.bits() as i64;
    if bits == 0 {
        return 0.0;
    }
    let top = bits - 1 + exp;
    if top > 1023 {
        return f64::INFINITY;
    }
    // A double keeps 53 bits when normal, fewer below 2**-1022.
    let keep = if top >= -1022 { 53 } else { top + 1075 };
    let drop = bits - keep;
    if drop <= 0 {
        return scale_by_power_of_two(m.to_u64().unwrap_or(0) as f64, exp);
    }
    if drop > bits {
        // Below half of the smallest subnormal.
        return 0.0;
    }
    let mut mantissa = (m >> drop as usize).to_u64().unwrap_or(0);
    let half_bit = (drop - 1) as u64;
    let above_half = m.bit(half_bit);
    let below_half = m.trailing_zeros().is_some_and(|tz| tz < half_bit);
    if above_half && (below_half || mantissa & 1 == 1) {
        mantissa += 1;
    }
    scale_by_power_of_two(mantissa as f64, exp + drop)
}

/// `x * 2**n` for a result that is exactly representable (or overflows).
fn scale_by_power_of_two(x: f64, n: i64) -> f64 {
    let pow2 = |e: i64| f64::from_bits(((e + 1023) as u64) << 52);
    if n < -1022 {
        x * pow2(-1022) * pow2((n + 1022).max(-1022))
    } else if n > 1023 {
        x * pow2(1023) * pow2((n - 1023).min(1023))
    } else {
        x * pow2(n)
    }
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exp>`, `0x0.<...>p-1022` when
/// subnormal.
pub fn to_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{fraction:013x}p{exp:+}")
}

/// `float.fromhex(text)`; None when the text is not a hexadecimal float
/// (an overflow gives infinity).
pub fn from_hex(text: &str) -> Option<f64> {
    let s = text.trim();
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let signed = |f: f64| if negative { -f } else { f };
    let lower = s.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Some(signed(f64::INFINITY)),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mantissa, exponent) = match body.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let digits: String = whole.chars().chain(fraction.chars()).collect();
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let exp = match exponent {
        None => 0,
        Some(e) => {
            let unsigned = e.strip_prefix(['+', '-']).unwrap_or(e);
            if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            // Clamped far past any float: only the direction matters there.
            let magnitude = unsigned.parse::<i64>().unwrap_or(i64::MAX).min(1 << 40);
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    let m = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 16)?;
    let f = from_scaled_int(&m, exp - 4 * fraction.len() as i64);
    Some(signed(f))
}
