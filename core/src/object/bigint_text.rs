//! Decimal text of big ints, both ways, in subquadratic time, and the
//! division that makes int -> str subquadratic.
//!
//! num-bigint converts to and from decimal and divides in quadratic time. Here
//! conversions split the number (or the text) in halves at powers 10**(B*2**i)
//! and recurse, so the work is a few big multiplications and divisions per
//! level; division of big operands is Burnikel-Ziegler recursive division on
//! top of num-bigint's subquadratic multiplication. CPython's limit on the
//! digits of a decimal conversion (`sys.set_int_max_str_digits`) lives here
//! too. Pure arithmetic on `num-bigint`: no VM here.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

/// Divisors below this many bits go to num-bigint's schoolbook division.
const DIV_THRESHOLD_BITS: u64 = 4096;

/// Decimal digits of the smallest power used to split (texts and numbers
/// below it are converted by num-bigint directly).
const BASE_DIGITS: usize = 1024;

/// `a.div_rem(b)`, subquadratic for big divisors. `b` must be non-zero.
pub fn div_rem(a: &BigUint, b: &BigUint) -> (BigUint, BigUint) {
    let n = b.bits();
    if n < DIV_THRESHOLD_BITS || a.bits() < n + DIV_THRESHOLD_BITS {
        return a.div_rem(b);
    }
    // Long division in base 2**n: each step divides a 2n-bit number by b.
    let chunks = a.bits().div_ceil(n);
    let mask = low_mask(n);
    let mut q = BigUint::zero();
    let mut r = BigUint::zero();
    for i in (0..chunks).rev() {
        let chunk = (a >> (i * n) as usize) & &mask;
        let (qi, ri) = div_2n_by_n(&((r << n as usize) | chunk), b, n);
        q = (q << n as usize) | qi;
        r = ri;
    }
    (q, r)
}

fn low_mask(bits: u64) -> BigUint {
    (BigUint::one() << bits as usize) - 1u8
}

/// a / b for b of exactly n bits and a < b * 2**n.
fn div_2n_by_n(a: &BigUint, b: &BigUint, n: u64) -> (BigUint, BigUint) {
    if n < DIV_THRESHOLD_BITS {
        return a.div_rem(b);
    }
    if n % 2 == 1 {
        let (q, r) = div_2n_by_n(&(a << 1usize), &(b << 1usize), n + 1);
        return (q, r >> 1usize);
    }
    let half = n / 2;
    let mask = low_mask(half);
    let b_high = b >> half as usize;
    let b_low = b & &mask;
    let split = Split {
        b,
        b_high: &b_high,
        b_low: &b_low,
        half,
    };
    let (q1, r) = split.div_3h_by_2h(a >> n as usize, (a >> half as usize) & &mask);
    let (q2, r) = split.div_3h_by_2h(r, a & &mask);
    ((q1 << half as usize) | q2, r)
}

/// A divisor of 2h bits cut into halves of h bits.
struct Split<'a> {
    b: &'a BigUint,
    b_high: &'a BigUint,
    b_low: &'a BigUint,
    half: u64,
}

impl Split<'_> {
    /// (a12 * 2**h + a3) / b, for a quotient below 2**h.
    fn div_3h_by_2h(&self, a12: BigUint, a3: BigUint) -> (BigUint, BigUint) {
        let h = self.half as usize;
        // Estimate the quotient from the divisor's top half; it is at most
        // two too large.
        let (mut q, r1) = if &(&a12 >> h) == self.b_high {
            let q = low_mask(self.half);
            let r1 = a12 - (self.b_high << h) + self.b_high;
            (q, r1)
        } else {
            div_2n_by_n(&a12, self.b_high, self.half)
        };
        let mut r = BigInt::from((r1 << h) | a3) - BigInt::from(&q * self.b_low);
        let b = BigInt::from(self.b.clone());
        while r.is_negative() {
            q -= 1u8;
            r += &b;
        }
        (q, r.into_parts().1)
    }
}

/// 10**(BASE_DIGITS * 2**i) for i = 0.., up to the first that reaches `limit`
/// digits.
fn split_powers(limit: usize) -> Vec<BigUint> {
    let mut powers = vec![BigUint::from(10u8).pow(BASE_DIGITS as u32)];
    let mut digits = BASE_DIGITS;
    while digits < limit {
        let next = powers[powers.len() - 1].pow(2);
        powers.push(next);
        digits *= 2;
    }
    powers
}

/// The decimal digits of `x` (no sign).
pub fn to_decimal(x: &BigUint) -> String {
    // 3.32 bits per digit: a safe overestimate of the digit count.
    let digits_at_most = (x.bits() as usize * 10).div_ceil(33) + 1;
    if digits_at_most <= 2 * BASE_DIGITS {
        return x.to_str_radix(10);
    }
    let powers = split_powers(digits_at_most);
    let mut out = String::with_capacity(digits_at_most);
    write_decimal(x, &powers, powers.len(), 0, &mut out);
    out
}

/// Appends `x` (below 10**(BASE_DIGITS * 2**level)), zero-padded to `width`.
fn write_decimal(x: &BigUint, powers: &[BigUint], level: usize, width: usize, out: &mut String) {
    if level == 0 {
        let text = x.to_str_radix(10);
        let text = if text == "0" && width > 0 { "" } else { &text };
        out.extend(std::iter::repeat_n('0', width.saturating_sub(text.len())));
        out.push_str(text);
        return;
    }
    let power = &powers[level - 1];
    let part = BASE_DIGITS << (level - 1);
    if width == 0 && x < power {
        return write_decimal(x, powers, level - 1, 0, out);
    }
    let (high, low) = div_rem(x, power);
    write_decimal(&high, powers, level - 1, width.saturating_sub(part), out);
    write_decimal(&low, powers, level - 1, part, out);
}

/// The value of ASCII decimal digits (no sign, no underscores).
pub fn from_decimal(digits: &[u8]) -> BigUint {
    if digits.len() <= 2 * BASE_DIGITS {
        return BigUint::parse_bytes(digits, 10).unwrap_or_default();
    }
    let powers = split_powers(digits.len() / 2);
    read_decimal(digits, &powers)
}

fn read_decimal(digits: &[u8], powers: &[BigUint]) -> BigUint {
    if digits.len() <= 2 * BASE_DIGITS {
        return BigUint::parse_bytes(digits, 10).unwrap_or_default();
    }
    // The largest split power with at most half the digits.
    let mut level = 0;
    while level + 1 < powers.len() && (BASE_DIGITS << (level + 1)) <= digits.len() / 2 {
        level += 1;
    }
    let part = BASE_DIGITS << level;
    let (high, low) = digits.split_at(digits.len() - part);
    read_decimal(high, powers) * &powers[level] + read_decimal(low, powers)
}

/// CPython's default for `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;
/// The smallest non-zero limit `sys.set_int_max_str_digits` accepts.
pub const MIN_MAX_STR_DIGITS: usize = 640;

thread_local! {
    // One interpreter per thread: its `sys.set_int_max_str_digits` setting
    // (0 means no limit).
    static MAX_STR_DIGITS: std::cell::Cell<usize> =
        const { std::cell::Cell::new(DEFAULT_MAX_STR_DIGITS) };
}

pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|m| m.get())
}

pub fn set_max_str_digits(limit: usize) {
    MAX_STR_DIGITS.with(|m| m.set(limit));
}

/// The limit a `PYTHONINTMAXSTRDIGITS` setting asks for, if it is one CPython
/// accepts (0 or at least `MIN_MAX_STR_DIGITS`).
pub fn parse_max_str_digits(text: &str) -> Option<usize> {
    let limit: usize = text.trim().parse().ok()?;
    (limit == 0 || limit >= MIN_MAX_STR_DIGITS).then_some(limit)
}

/// CPython's message when an int is too long to print in decimal.
pub fn to_text_limit_message(limit: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// CPython's message when a text has too many digits to read as an int.
pub fn from_text_limit_message(limit: usize, digits: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// Fails with the limit when `digits` decimal digits may not be read.
pub fn check_text_digits(digits: usize) -> Result<(), usize> {
    let limit = max_str_digits();
    if limit != 0 && digits > limit {
        return Err(limit);
    }
    Ok(())
}

/// The decimal digits of `|x|`, or the limit it exceeds. Numbers clearly
/// past the limit are refused before converting.
pub fn limited_decimal(x: &BigUint) -> Result<String, usize> {
    let limit = max_str_digits();
    // A number of b bits has at least floor((b - 1) * log10(2)) + 1 digits.
    let digits_at_least =
        ((x.bits().saturating_sub(1)) as f64 * std::f64::consts::LOG10_2) as usize + 1;
    if limit != 0 && digits_at_least > limit + 1 {
        return Err(limit);
    }
    let text = to_decimal(x);
    if limit != 0 && text.len() > limit {
        return Err(limit);
    }
    Ok(text)
}

/// `str(x)` for a big int, or the limit it exceeds.
pub fn signed_decimal(x: &BigInt) -> Result<String, usize> {
    let body = limited_decimal(x.magnitude())?;
    Ok(if x.is_negative() {
        format!("-{body}")
    } else {
        body
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(bits: usize, seed: u64) -> BigUint {
        let mut words = Vec::new();
        let mut s = seed;
        for _ in 0..bits.div_ceil(64) {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            words.push(s);
        }
        BigUint::from_slice(
            &words
                .iter()
                .flat_map(|w| [*w as u32, (*w >> 32) as u32])
                .collect::<Vec<_>>(),
        ) >> (words.len() * 64 - bits)
    }

    #[test]
    fn recursive_division_matches_schoolbook() {
        for (abits, bbits, seed) in [
            (20000, 9000, 1),
            (40001, 20000, 2),
            (100_000, 8191, 3),
            (65536, 32768, 4),
            (9000, 8200, 5),
        ] {
            let a = sample(abits, seed);
            let b = sample(bbits, seed + 100) | BigUint::one();
            assert_eq!(div_rem(&a, &b), a.div_rem(&b), "{abits} / {bbits}");
        }
        // A divisor whose top half equals the dividend's: the quotient
        // estimate is at its maximum.
        let b = (BigUint::one() << 10000usize) - 1u8;
        let a = &b * &b + 5u8;
        assert_eq!(div_rem(&a, &b), a.div_rem(&b));
    }

    #[test]
    fn decimal_round_trips() {
        for (bits, seed) in [(10, 1), (7000, 2), (30000, 3), (123_457, 4)] {
            let x = sample(bits, seed);
            let text = to_decimal(&x);
            assert_eq!(text, x.to_str_radix(10));
            assert_eq!(from_decimal(text.as_bytes()), x);
        }
        let p = BigUint::from(10u8).pow(5000);
        assert_eq!(to_decimal(&p), p.to_str_radix(10));
        assert_eq!(to_decimal(&(&p - 1u8)), "9".repeat(5000));
        let zeros = format!("1{}", "0".repeat(9000));
        assert_eq!(
            from_decimal(zeros.as_bytes()),
            BigUint::from(10u8).pow(9000)
        );
    }
}
