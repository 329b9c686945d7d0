//! CPython 3.13's format-specification mini-language (`format(value, spec)`,
//! `f"{x:spec}"`, `str.format`) for `int`, `float` and `str`, reproducing
//! CPython's output and error messages byte for byte.
//!
//! This module depends on nothing in the interpreter: values come in as
//! `BigInt`, `f64` and `&str`, results go out as `String` or [`SpecError`],
//! which the caller turns into the exception named by [`SpecError::kind`].
//!
//! The structure mirrors `Python/formatter_unicode.c` and the float half of
//! `Python/pystrtod.c`, because matching CPython's corner cases (zero padding
//! through thousands separators, `'.3'` versus `'.3g'`, error precedence) is
//! far easier when the code follows the same decisions in the same order.
//!
//! Two deliberate departures: `format(0xd800, 'c')` is an error rather than a
//! lone surrogate (our strings are UTF-8), and a zero-padded width too large
//! to allocate fails with `MemoryError` at once, where CPython first spends
//! ages counting the separators it would insert.

use std::fmt::Write as _;

use crate::object::bigint_text;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// A parsed format specification:
/// `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Padding character. `parse` sets it to `'0'` when the `0` flag is given
    /// without an explicit fill, exactly as CPython does.
    pub fill: char,
    /// One of `<`, `>`, `^`, `=`; `None` means the type's default.
    pub align: Option<char>,
    /// One of `+`, `-`, ` `.
    pub sign: Option<char>,
    /// The `z` flag: render negative zero (after rounding) as zero.
    pub no_neg_zero: bool,
    /// The `#` flag.
    pub alternate: bool,
    /// The `0` flag. Besides the fill it makes numbers default to `=`
    /// alignment, which is what lets zeros flow through thousands separators.
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type; `None` means the type's default.
    pub ty: Option<char>,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

/// The Python exception class a [`SpecError`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    OverflowError,
    MemoryError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// Everything that can go wrong while parsing or applying a spec.
///
/// Several of CPython's messages name the type of the formatted object
/// (`bool` rather than `int`, say), which only the caller knows, so the text
/// is produced late by [`SpecError::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    /// Trailing junk; carries the whole spec because the message quotes it.
    Invalid(String),
    MissingPrecision,
    TooManyDigits,
    BothSeparators,
    SeparatorWithType {
        sep: char,
        ty: char,
    },
    UnknownCode(char),
    PrecisionTooBig,
    IntPrecision,
    IntNoNegZero,
    CharSign,
    CharAlternate,
    CharRange,
    CharTooLarge,
    /// `format(0xd800, 'c')`: CPython returns a lone surrogate, which a UTF-8
    /// string cannot hold.
    CharSurrogate(u32),
    IntTooLargeForFloat,
    StrSign,
    StrSpace,
    StrNoNegZero,
    StrAlternate,
    StrEqualsAlign,
    ComplexZeroPad,
    ComplexEqualsAlign,
    NoMemory,
    /// Past `sys.get_int_max_str_digits()` (carried).
    IntMaxStrDigits(usize),
}

impl SpecError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            SpecError::CharRange | SpecError::CharTooLarge | SpecError::IntTooLargeForFloat => {
                ErrorKind::OverflowError
            }
            SpecError::NoMemory => ErrorKind::MemoryError,
            _ => ErrorKind::ValueError,
        }
    }

    /// The exception message, as CPython words it for an object of type
    /// `type_name` (e.g. `"int"`, `"bool"`, `"float"`, `"str"`).
    pub fn message(&self, type_name: &str) -> String {
        match self {
            SpecError::Invalid(spec) => {
                format!("Invalid format specifier '{spec}' for object of type '{type_name}'")
            }
            SpecError::MissingPrecision => "Format specifier missing precision".into(),
            SpecError::TooManyDigits => "Too many decimal digits in format string".into(),
            SpecError::BothSeparators => "Cannot specify both ',' and '_'.".into(),
            SpecError::SeparatorWithType { sep, ty } => {
                format!("Cannot specify '{sep}' with {}.", quote_code(*ty))
            }
            SpecError::UnknownCode(c) => format!(
                "Unknown format code {} for object of type '{type_name}'",
                quote_code(*c)
            ),
            SpecError::PrecisionTooBig => "precision too big".into(),
            SpecError::IntPrecision => "Precision not allowed in integer format specifier".into(),
            SpecError::IntMaxStrDigits(limit) => bigint_text::to_text_limit_message(*limit),
            SpecError::IntNoNegZero => {
                "Negative zero coercion (z) not allowed in integer format specifier".into()
            }
            SpecError::CharSign => "Sign not allowed with integer format specifier 'c'".into(),
            SpecError::CharAlternate => {
                "Alternate form (#) not allowed with integer format specifier 'c'".into()
            }
            SpecError::CharRange => "%c arg not in range(0x110000)".into(),
            SpecError::CharTooLarge => "Python int too large to convert to C long".into(),
            SpecError::CharSurrogate(cp) => {
                format!("%c arg {cp:#x} is a surrogate, which strings here cannot hold")
            }
            SpecError::IntTooLargeForFloat => "int too large to convert to float".into(),
            SpecError::StrSign => "Sign not allowed in string format specifier".into(),
            SpecError::StrSpace => "Space not allowed in string format specifier".into(),
            SpecError::StrNoNegZero => {
                "Negative zero coercion (z) not allowed in string format specifier".into()
            }
            SpecError::StrAlternate => {
                "Alternate form (#) not allowed in string format specifier".into()
            }
            SpecError::StrEqualsAlign => {
                "'=' alignment not allowed in string format specifier".into()
            }
            SpecError::ComplexZeroPad => {
                "Zero padding is not allowed in complex format specifier".into()
            }
            SpecError::ComplexEqualsAlign => {
                "'=' alignment flag is not allowed in complex format specifier".into()
            }
            SpecError::NoMemory => String::new(),
        }
    }
}

/// CPython prints printable ASCII codes as `'x'` and anything else as the
/// unpadded hex escape `'\x1'`, `'\xe9'`.
fn quote_code(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        format!("'{c}'")
    } else {
        format!("'\\x{cp:x}'")
    }
}

/// Width and precision are capped at `Py_ssize_t`'s maximum, like CPython.
const SSIZE_MAX: usize = isize::MAX as usize;

/// Code points of every Unicode 15.1 (CPython 3.13) decimal digit zero; each
/// starts a run of ten. CPython reads widths with `Py_UNICODE_TODECIMAL`, so
/// `format(1, '١٠')` pads to ten.
const DECIMAL_ZEROS: [u32; 68] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x11f50, 0x16a60, 0x16ac0,
    0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e950,
    0x1fbf0,
];

pub(crate) fn decimal_value(c: char) -> Option<usize> {
    let cp = c as u32;
    if c.is_ascii() {
        return c.to_digit(10).map(|d| d as usize);
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = DECIMAL_ZEROS[i.checked_sub(1)?];
    (cp - zero < 10).then(|| (cp - zero) as usize)
}

/// Reads a run of decimal digits starting at `*pos`; `Ok(None)` if there are none.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, SpecError> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        if acc > (SSIZE_MAX - d) / 10 {
            return Err(SpecError::TooManyDigits);
        }
        acc = acc * 10 + d;
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Parses a spec without knowing the value's type.
///
/// CPython validates `,`/`_` against the *default* type too (which is why
/// `format('x', ',')` fails); that one check needs the type, so the
/// `format_*` functions repeat it before anything else.
pub fn parse(spec: &str) -> Result<Spec, SpecError> {
    let chars: Vec<char> = spec.chars().collect();
    let n = chars.len();
    let mut out = Spec::default();
    let mut pos = 0;
    let mut fill_specified = false;

    if n >= 2 && is_align(chars[1]) {
        out.fill = chars[0];
        out.align = Some(chars[1]);
        fill_specified = true;
        pos = 2;
    } else if n >= 1 && is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        out.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    // With an explicit fill the '0' is simply the first digit of the width.
    if !fill_specified && chars.get(pos) == Some(&'0') {
        out.fill = '0';
        out.zero_pad = true;
        pos += 1;
    }
    out.width = read_integer(&chars, &mut pos)?;
    if chars.get(pos) == Some(&',') {
        out.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping.is_some() {
            return Err(SpecError::BothSeparators);
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Some('_') {
        return Err(SpecError::BothSeparators);
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        out.precision = Some(read_integer(&chars, &mut pos)?.ok_or(SpecError::MissingPrecision)?);
    }
    match n - pos {
        0 => {}
        1 => out.ty = Some(chars[pos]),
        _ => return Err(SpecError::Invalid(spec.to_owned())),
    }
    if let Some(ty) = out.ty {
        check_grouping(&out, Some(ty))?;
    }
    Ok(out)
}

/// PEP 378 / PEP 515: which presentation types accept which separator.
/// `None` stands for float's empty type, which accepts both.
fn check_grouping(spec: &Spec, ty: Option<char>) -> Result<(), SpecError> {
    let (Some(sep), Some(ty)) = (spec.grouping, ty) else {
        return Ok(());
    };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' => Ok(()),
        'b' | 'o' | 'x' | 'X' if sep == '_' => Ok(()),
        _ => Err(SpecError::SeparatorWithType { sep, ty }),
    }
}

fn effective_align(spec: &Spec, default_align: char) -> char {
    match spec.align {
        Some(a) => a,
        // The '0' flag means "pad after the sign" only where the default is
        // right alignment, i.e. for numbers; strings just get '0' as fill.
        None if spec.zero_pad && default_align == '>' => '=',
        None => default_align,
    }
}

fn push_repeat(out: &mut String, c: char, count: usize) -> Result<(), SpecError> {
    let bytes = count.checked_mul(c.len_utf8()).ok_or(SpecError::NoMemory)?;
    out.try_reserve(bytes).map_err(|_| SpecError::NoMemory)?;
    out.extend(std::iter::repeat_n(c, count));
    Ok(())
}

/// Pads `head` + `body` to the spec's width with its fill and alignment.
/// `=` alignment puts the padding between the two, which is where a number's
/// sign and `0x` prefix end and its digits begin; pass `""` as `head` for text.
pub fn pad(head: &str, body: &str, spec: &Spec, default_align: char) -> Result<String, SpecError> {
    let len = head.chars().count() + body.chars().count();
    let padding = spec.width.unwrap_or(0).saturating_sub(len);
    let (left, mid) = match effective_align(spec, default_align) {
        '<' => (0, 0),
        '^' => (padding / 2, 0),
        '=' => (0, padding),
        _ => (padding, 0),
    };
    let right = padding - left - mid;
    // The whole result at once: growing by doubling would need twice its size.
    let total = padding
        .checked_mul(spec.fill.len_utf8())
        .and_then(|n| n.checked_add(head.len() + body.len()))
        .ok_or(SpecError::NoMemory)?;
    let mut out = String::new();
    out.try_reserve_exact(total)
        .map_err(|_| SpecError::NoMemory)?;
    push_repeat(&mut out, spec.fill, left)?;
    out.push_str(head);
    push_repeat(&mut out, spec.fill, mid)?;
    out.push_str(body);
    push_repeat(&mut out, spec.fill, right)?;
    Ok(out)
}

/// Inserts separators into the ASCII digit string `digits`, and when
/// `min_width` is positive also left-pads with zeros, which get separators
/// too. A port of `_PyUnicode_InsertThousandsGrouping`, whose quirks show:
/// a padded result never starts with a separator, so it can overshoot the
/// requested width by one (`format(1234, '08,') == '0,001,234'`).
fn group_digits(
    digits: &str,
    min_width: isize,
    sep: Option<(char, isize)>,
) -> Result<String, SpecError> {
    let digits = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let longest = digits.len().max(min_width as usize);
    let mut rev: Vec<u8> = Vec::new();
    rev.try_reserve(longest + longest / 3 + 1)
        .map_err(|_| SpecError::NoMemory)?;
    let mut end = digits.len();
    let mut remaining = digits.len() as isize;
    let mut emit = |rev: &mut Vec<u8>, n_chars: isize, n_zeros: isize, sep: Option<u8>| {
        rev.extend(sep);
        let start = end - n_chars as usize;
        rev.extend(digits[start..end].iter().rev());
        end = start;
        rev.extend(std::iter::repeat_n(b'0', n_zeros as usize));
    };
    match sep {
        Some((sep, size)) => {
            let mut first = true;
            loop {
                let len = size.min(remaining.max(min_width).max(1));
                let n_zeros = (len - remaining).max(0);
                let n_chars = remaining.min(len).max(0);
                emit(&mut rev, n_chars, n_zeros, (!first).then_some(sep as u8));
                first = false;
                remaining -= n_chars;
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let len = remaining.max(min_width).max(1);
            emit(&mut rev, remaining, (len - remaining).max(0), None);
        }
    }
    rev.reverse();
    Ok(rev.into_iter().map(char::from).collect())
}

/// Lays out `[sign][prefix][digits][.remainder]` per the spec, following
/// `calc_number_widths` / `fill_number`. `digits` is the ASCII integer part
/// (possibly empty, for `inf` or `'c'`); `remainder` is everything after the
/// decimal point, or after the digits when there is no point.
fn render_number(
    negative: bool,
    prefix: &str,
    digits: &str,
    has_decimal: bool,
    remainder: &str,
    spec: &Spec,
    grouping: Option<(char, isize)>,
) -> Result<String, SpecError> {
    let mut head = String::new();
    match (spec.sign, negative) {
        (_, true) => head.push('-'),
        (Some('+'), false) => head.push('+'),
        (Some(' '), false) => head.push(' '),
        _ => {}
    }
    head.push_str(prefix);
    let non_digits = head.len() + usize::from(has_decimal) + remainder.chars().count();

    // Zero fill flows through the separators only for exactly fill '0' with
    // '=' alignment; any other fill is plain padding.
    let min_width = match spec.width {
        Some(w) if spec.fill == '0' && effective_align(spec, '>') == '=' => {
            (w.min(SSIZE_MAX) as isize).saturating_sub(non_digits as isize)
        }
        _ => 0,
    };
    let mut body = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits, min_width, grouping)?
    };
    if has_decimal {
        body.push('.');
    }
    body.push_str(remainder);
    pad(&head, &body, spec, '>')
}

/// Formats an int the way `int.__format__` does.
pub fn format_int(v: &BigInt, spec: &Spec) -> Result<String, SpecError> {
    let ty = spec.ty.unwrap_or('d');
    check_grouping(spec, Some(ty))?;
    let base = match ty {
        'b' => 2,
        'o' => 8,
        'x' | 'X' => 16,
        'd' | 'n' => 10,
        'c' => 0,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return match v.to_f64() {
                Some(f) if f.is_finite() => format_float(f, spec),
                _ => Err(SpecError::IntTooLargeForFloat),
            };
        }
        other => return Err(SpecError::UnknownCode(other)),
    };
    if spec.precision.is_some() {
        return Err(SpecError::IntPrecision);
    }
    if spec.no_neg_zero {
        return Err(SpecError::IntNoNegZero);
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(SpecError::CharSign);
        }
        if spec.alternate {
            return Err(SpecError::CharAlternate);
        }
        // CPython goes through a C long first, hence two different overflows.
        let x = v.to_i64().ok_or(SpecError::CharTooLarge)?;
        let cp = u32::try_from(x)
            .ok()
            .filter(|&cp| cp <= 0x10ffff)
            .ok_or(SpecError::CharRange)?;
        let c = char::from_u32(cp).ok_or(SpecError::CharSurrogate(cp))?;
        return render_number(false, "", "", false, c.encode_utf8(&mut [0; 4]), spec, None);
    }
    let mut digits = if base == 10 {
        bigint_text::limited_decimal(v.magnitude()).map_err(SpecError::IntMaxStrDigits)?
    } else {
        v.magnitude().to_str_radix(base)
    };
    let prefix = match (spec.alternate, ty) {
        (true, 'b') => "0b",
        (true, 'o') => "0o",
        (true, 'x') => "0x",
        (true, 'X') => "0X",
        _ => "",
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let grouping = match (spec.grouping, ty) {
        // 'n' uses the locale, which is the C locale here: no grouping.
        (_, 'n') | (None, _) => None,
        (Some(sep), 'd') => Some((sep, 3)),
        (Some(sep), _) => Some((sep, 4)),
    };
    render_number(
        v.sign() == Sign::Minus,
        prefix,
        &digits,
        false,
        "",
        spec,
        grouping,
    )
}

/// Rust's float formatting panics beyond 65535 digits of precision. An f64's
/// exact decimal expansion never needs more than 1074 fractional or 767
/// significant digits, so anything past this cap is exact and the rest of
/// the requested digits are zeros we append ourselves.
const PRECISION_CAP: usize = 1100;

/// Splits Rust's `{:e}` output `d.ddde±x` into its digits and the decimal
/// point position, so that the value is `0.DIGITS × 10^decpt` (dtoa's view).
fn split_scientific(s: &str) -> (String, i64) {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    (mantissa.chars().filter(|&c| c != '.').collect(), exp + 1)
}

/// dtoa mode 0 (see `float::shortest_digits`) in dtoa's view: the value is
/// `0.DIGITS × 10^decpt`.
fn shortest_digits(a: f64) -> (String, i64) {
    let (_, digits, exp) = crate::object::float::shortest_digits(a);
    (digits, exp as i64 + 1)
}

fn push_exponent(out: &mut String, upper: bool, exp: i64) {
    out.push(if upper { 'E' } else { 'e' });
    // C's "%+.02d": always signed, at least two digits.
    let _ = write!(out, "{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
}

/// Assembles dtoa-style `digits`/`decpt` into text for the `'g'` and repr
/// (`'r'`) codes; a port of the layout half of `format_float_short`.
fn layout_short(
    digits: &str,
    mut decpt: i64,
    code: char,
    precision: i64,
    alt: bool,
    add_dot_0: bool,
    upper: bool,
) -> Result<String, SpecError> {
    let digits_len = digits.len() as i64;
    let mut vend = digits_len;
    let use_exp = if code == 'g' {
        if alt {
            vend = precision;
        }
        // An empty type with a precision switches to exponent notation one
        // digit earlier than 'g', so there is room for the forced ".0".
        decpt <= -4 || decpt > if add_dot_0 { precision - 1 } else { precision }
    } else {
        decpt <= -4 || decpt > 16
    };
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };

    let mut out = String::new();
    out.try_reserve((vend - vstart + 8) as usize)
        .map_err(|_| SpecError::NoMemory)?;
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= digits_len {
        let (int_part, frac_part) = digits.split_at(decpt as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac_part);
    } else {
        out.push_str(digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - digits_len);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        push_exponent(&mut out, upper, exp);
    }
    Ok(out)
}

/// `PyOS_double_to_string` for a finite, non-negative `a`, without the sign.
/// `code` is one of `e f g r` (already lowercased); `precision` as CPython
/// passes it (significant digits for `g`, fraction digits for `e`/`f`).
fn float_body(
    a: f64,
    code: char,
    upper: bool,
    precision: usize,
    alt: bool,
    add_dot_0: bool,
) -> Result<String, SpecError> {
    let capped = precision.min(PRECISION_CAP);
    let extra_zeros = precision - capped;
    match code {
        'e' => {
            let s = format!("{:.*e}", capped, a);
            let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let mut out = String::from(mantissa);
            push_repeat(&mut out, '0', extra_zeros)?;
            if alt && precision == 0 {
                out.push('.');
            }
            push_exponent(&mut out, upper, exp.parse().unwrap_or(0));
            Ok(out)
        }
        'f' => {
            let mut out = format!("{:.*}", capped, a);
            push_repeat(&mut out, '0', extra_zeros)?;
            if alt && precision == 0 {
                out.push('.');
            }
            Ok(out)
        }
        'g' => {
            // dtoa reads a precision of 0 as 1 for 'g'.
            let p = precision.max(1);
            let (mut digits, decpt) = if a == 0.0 {
                ("0".to_string(), 1)
            } else {
                split_scientific(&format!("{:.*e}", (p - 1).min(PRECISION_CAP), a))
            };
            // dtoa strips trailing zeros; layout_short puts back what '#' wants.
            let kept = digits.trim_end_matches('0').len().max(1);
            digits.truncate(kept);
            let p = i64::try_from(p).map_err(|_| SpecError::PrecisionTooBig)?;
            layout_short(&digits, decpt, 'g', p, alt, add_dot_0, upper)
        }
        _ => {
            let (digits, decpt) = shortest_digits(a);
            layout_short(&digits, decpt, 'r', 0, alt, add_dot_0, upper)
        }
    }
}

/// Formats a float the way `float.__format__` does.
pub fn format_float(v: f64, spec: &Spec) -> Result<String, SpecError> {
    format_float_with(v, spec, spec.ty.is_none())
}

/// One part of a complex as `complex.__format__` writes it: a float without the
/// ".0" that float's empty type adds to integral values.
pub fn format_float_part(v: f64, spec: &Spec) -> Result<String, SpecError> {
    format_float_with(v, spec, false)
}

fn format_float_with(v: f64, spec: &Spec, add_dot_0: bool) -> Result<String, SpecError> {
    let ty = spec.ty;
    check_grouping(spec, ty)?;
    let (code, upper) = match ty {
        // No type: repr when there is no precision, else 'g' that keeps a
        // ".0" on integral results.
        None if spec.precision.is_none() => ('r', false),
        None | Some('g') | Some('n') => ('g', false),
        Some('G') => ('g', true),
        Some('e') => ('e', false),
        Some('E') => ('e', true),
        Some('f') | Some('%') => ('f', false),
        Some('F') => ('f', true),
        Some(other) => return Err(SpecError::UnknownCode(other)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(SpecError::PrecisionTooBig);
    }
    let default_precision = if ty.is_none() { 0 } else { 6 };
    let precision = spec.precision.unwrap_or(default_precision);
    let v = if ty == Some('%') { v * 100.0 } else { v };

    let mut negative = v.is_sign_negative() && !v.is_nan();
    let mut body = if v.is_nan() {
        (if upper { "NAN" } else { "nan" }).to_string()
    } else if v.is_infinite() {
        (if upper { "INF" } else { "inf" }).to_string()
    } else {
        let body = float_body(v.abs(), code, upper, precision, spec.alternate, add_dot_0)?;
        let mantissa = body.split(['e', 'E']).next().unwrap_or("");
        if spec.no_neg_zero && mantissa.bytes().all(|b| b == b'0' || b == b'.') {
            negative = false;
        }
        body
    };
    if ty == Some('%') {
        body.push('%');
    }

    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(int_len);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let grouping = match ty {
        Some('n') => None,
        _ => spec.grouping.map(|sep| (sep, 3)),
    };
    render_number(negative, "", digits, has_decimal, remainder, spec, grouping)
}

/// Formats a str the way `str.__format__` does.
pub fn format_str(s: &str, spec: &Spec) -> Result<String, SpecError> {
    let ty = spec.ty.unwrap_or('s');
    check_grouping(spec, Some(ty))?;
    if ty != 's' {
        return Err(SpecError::UnknownCode(ty));
    }
    match spec.sign {
        Some(' ') => return Err(SpecError::StrSpace),
        Some(_) => return Err(SpecError::StrSign),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(SpecError::StrNoNegZero);
    }
    if spec.alternate {
        return Err(SpecError::StrAlternate);
    }
    if spec.align == Some('=') {
        return Err(SpecError::StrEqualsAlign);
    }
    let body = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((cut, _)) => &s[..cut],
            None => s,
        },
        None => s,
    };
    pad("", body, spec, '<')
}

/// `format(v, spec)` for an int; the caller handles `bool`'s empty spec.
pub fn format_int_spec(v: &BigInt, spec: &str) -> Result<String, SpecError> {
    format_int(v, &parse(spec)?)
}

/// `format(v, spec)` for a float; an empty spec gives `str(v)`.
pub fn format_float_spec(v: f64, spec: &str) -> Result<String, SpecError> {
    format_float(v, &parse(spec)?)
}

/// `format(s, spec)` for a str.
pub fn format_str_spec(s: &str, spec: &str) -> Result<String, SpecError> {
    format_str(s, &parse(spec)?)
}

#[cfg(test)]
mod tests {
    //! Expected strings come from CPython 3.13.0's `format(value, spec)`.

    use super::*;

    fn int_result(v: &str, spec: &str) -> Result<String, SpecError> {
        let v: BigInt = v.parse().expect("test int literal");
        format_int_spec(&v, spec)
    }

    fn float_result(v: &str, spec: &str) -> Result<String, SpecError> {
        let v: f64 = v.parse().expect("test float literal");
        format_float_spec(v, spec)
    }

    const INT_CASES: &[(&str, &str, &str)] = &[
        ("0", "", "0"),
        ("0", "d", "0"),
        ("42", "", "42"),
        ("-42", "", "-42"),
        ("42", "5", "   42"),
        ("42", "<5", "42   "),
        ("42", "^5", " 42  "),
        ("42", "^6", "  42  "),
        ("-42", "=6", "-   42"),
        ("-42", "*=7", "-****42"),
        ("42", "+", "+42"),
        ("-42", "+", "-42"),
        ("42", " ", " 42"),
        ("42", "-", "42"),
        ("-42", " ", "-42"),
        ("1234", ",", "1,234"),
        ("1234567", ",", "1,234,567"),
        ("-1234567", "_", "-1_234_567"),
        ("1234", "010,", "00,001,234"),
        ("1234", "08,", "0,001,234"),
        ("1234", "09,", "0,001,234"),
        ("-1234", "010,", "-0,001,234"),
        ("1234", "<010,", "1,23400000"),
        ("1234", "0=10,", "00,001,234"),
        ("1234", "*=10,", "*****1,234"),
        ("1234", "010_", "00_001_234"),
        ("12345", "+012,", "+000,012,345"),
        ("1234", "^+12,", "   +1,234   "),
        ("1234", "é^12,", "ééé1,234éééé"),
        ("1234", "🐍>8", "🐍🐍🐍🐍1234"),
        ("5", "0<4", "5000"),
        ("5", "<04", "5000"),
        ("5", "00", "5"),
        ("5", "03", "005"),
        ("-5", "03", "-05"),
        ("-5", "-03", "-05"),
        ("5", " 03", " 05"),
        ("255", "b", "11111111"),
        ("255", "#b", "0b11111111"),
        ("255", "o", "377"),
        ("255", "#o", "0o377"),
        ("255", "x", "ff"),
        ("255", "#x", "0xff"),
        ("255", "X", "FF"),
        ("255", "#X", "0XFF"),
        ("-255", "#x", "-0xff"),
        ("-255", "#010x", "-0x00000ff"),
        ("255", "#010_b", "0b1111_1111"),
        ("1048576", "_x", "10_0000"),
        ("1048576", "#_b", "0b1_0000_0000_0000_0000_0000"),
        ("1048576", "_o", "400_0000"),
        ("65535", "#012_X", "0X0_0000_FFFF"),
        ("10", "#d", "10"),
        ("10", "#n", "10"),
        ("1234567", "n", "1234567"),
        ("-1234567", "012n", "-00001234567"),
        ("0", "#b", "0b0"),
        ("0", "#x", "0x0"),
        ("0", "#o", "0o0"),
        ("65", "c", "A"),
        ("65", "05c", "0000A"),
        ("65", "=5c", "    A"),
        ("65", "^5c", "  A  "),
        ("128013", "c", "🐍"),
        ("1114111", "c", "􏿿"),
        ("233", ">3c", "  é"),
        ("1267650600228229401496703205376", "", "1267650600228229401496703205376"),
        ("1267650600228229401496703205376", ",", "1,267,650,600,228,229,401,496,703,205,376"),
        ("1267650600228229401496703205376", "x", "10000000000000000000000000"),
        ("1267650600228229401496703205376", "#_x", "0x10_0000_0000_0000_0000_0000_0000"),
        ("-1267650600228229401496703205376", "_b", "-1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"),
        ("-1267650600228229401496703205376", "40,", "-1,267,650,600,228,229,401,496,703,205,376"),
        ("1000000000000000000000000000000", "e", "1.000000e+30"),
        ("1267650600228229401496703205376", ".3e", "1.268e+30"),
        ("9007199254740993", "f", "9007199254740992.000000"),
        ("89884656743115795386465259539451236680898848947115328636715040578866337902750481566354238661203768010560056939935696678829394884407208311246423715319737062188883946712432742638151109800623047059726541476042502884419075341171231440736956555270413618581675255342293149119973622969239858152417678164812112068608", ".3g", "8.99e+307"),
        ("1", "e", "1.000000e+00"),
        ("1", "%", "100.000000%"),
        ("1", "F", "1.000000"),
        ("1234", ",.2f", "1,234.00"),
        ("1234", "%", "123400.000000%"),
        ("-7", "z.1f", "-7.0"),
        ("3", ".0e", "3e+00"),
        ("123456789", "g", "1.23457e+08"),
        ("1234", ",g", "1,234"),
        ("7", "E", "7.000000E+00"),
        ("42", "#.0f", "42."),
        ("1", "١٠", "         1"),
        ("1", "١٠d", "         1"),
    ];
    const FLOAT_CASES: &[(&str, &str, &str)] = &[
        ("0.0", "", "0.0"),
        ("-0.0", "", "-0.0"),
        ("1.0", "", "1.0"),
        ("1.5", "", "1.5"),
        ("0.1", "", "0.1"),
        ("1e16", "", "1e+16"),
        ("1e+16", "", "1e+16"),
        ("9999999999999998.0", "", "9999999999999998.0"),
        ("1e-05", "", "1e-05"),
        ("0.0001", "", "0.0001"),
        ("1e+20", "", "1e+20"),
        ("1e22", "", "1e+22"),
        ("123456789.0", "", "123456789.0"),
        ("2.000000000000001e+16", "", "2.000000000000001e+16"),
        ("5e-324", "", "5e-324"),
        ("1.7976931348623157e+308", "", "1.7976931348623157e+308"),
        ("857565574354302.2", "", "857565574354302.2"),
        ("786511860120536.2", "", "786511860120536.2"),
        ("inf", "", "inf"),
        ("-inf", "", "-inf"),
        ("nan", "", "nan"),
        ("1.0", ".3", "1.0"),
        ("1234.5678", ".3", "1.23e+03"),
        ("123.0", ".3", "1.23e+02"),
        ("1.5", ".0", "2e+00"),
        ("1.0", ".1", "1e+00"),
        ("1e16", ".17", "1e+16"),
        ("0.1", ".17", "0.10000000000000001"),
        ("1234.5678", ".10", "1234.5678"),
        ("100.0", ".2", "1e+02"),
        ("1.0", "f", "1.000000"),
        ("1.0", ".0f", "1"),
        ("0.5", ".0f", "0"),
        ("1.5", ".0f", "2"),
        ("2.5", ".0f", "2"),
        ("0.125", ".2f", "0.12"),
        ("0.375", ".2f", "0.38"),
        ("1.0", "#.0f", "1."),
        ("-0.0", "f", "-0.000000"),
        ("1e300", ".2e", "1.00e+300"),
        ("3.14159", "10.3f", "     3.142"),
        ("3.14159", "<10.3f", "3.142     "),
        ("3.14159", "^10.3f", "  3.142   "),
        ("-3.14159", "=10.3f", "-    3.142"),
        ("-3.14159", "010.3f", "-00003.142"),
        ("3.14159", "+.2f", "+3.14"),
        ("3.14159", " .2f", " 3.14"),
        ("-3.14159", " .2f", "-3.14"),
        ("0.1", ".20f", "0.10000000000000000555"),
        ("0.1", ".30e", "1.000000000000000055511151231258e-01"),
        ("1234.5", "e", "1.234500e+03"),
        ("1234.5", "E", "1.234500E+03"),
        ("1234.5", ".0e", "1e+03"),
        ("1234.5", "#.0e", "1.e+03"),
        ("0.000123", "e", "1.230000e-04"),
        ("1e-300", ".3e", "1.000e-300"),
        ("1e100", "e", "1.000000e+100"),
        ("0.0", "e", "0.000000e+00"),
        ("-0.0", ".2E", "-0.00E+00"),
        ("1e-05", "g", "1e-05"),
        ("1e-05", ".3g", "1e-05"),
        ("0.0001", "g", "0.0001"),
        ("0.0001", ".3g", "0.0001"),
        ("1e16", "g", "1e+16"),
        ("1e16", ".17g", "10000000000000000"),
        ("123456789.0", ".3g", "1.23e+08"),
        ("123456789.0", ".10g", "123456789"),
        ("123456789.0", "g", "1.23457e+08"),
        ("123456.0", "g", "123456"),
        ("1234567.0", "g", "1.23457e+06"),
        ("1234567.0", "G", "1.23457E+06"),
        ("1e-10", "G", "1E-10"),
        ("0.0", "g", "0"),
        ("0.0", "#g", "0.00000"),
        ("1.0", "#g", "1.00000"),
        ("1.0", "#.3g", "1.00"),
        ("1.0", "#.0g", "1."),
        ("1.5", ".0g", "2"),
        ("100.0", "#.2g", "1.0e+02"),
        ("1e20", "#", "1.e+20"),
        ("1.5", "#", "1.5"),
        ("1.5", "#.0", "2.e+00"),
        ("1.0", "#.3", "1.00"),
        ("1234567.0", "n", "1.23457e+06"),
        ("1234.5", "n", "1234.5"),
        ("0.25", "%", "25.000000%"),
        ("0.25", ".0%", "25%"),
        ("-0.125", ".1%", "-12.5%"),
        ("1.0", "#.0%", "100.%"),
        ("0.001234", ".2%", "0.12%"),
        ("12.5", ",%", "1,250.000000%"),
        ("1234567.891", ",", "1,234,567.891"),
        ("1234567.891", "_", "1_234_567.891"),
        ("1234567.891", ",.2f", "1,234,567.89"),
        ("1234567.891", "_.2f", "1_234_567.89"),
        ("1234.5", "010,.1f", "0,001,234.5"),
        ("12345.678", "020,.2e", "0,000,000,001.23e+04"),
        ("-1234567.891", "015,.1f", "-0,001,234,567.9"),
        ("1e20", ",.0f", "100,000,000,000,000,000,000"),
        ("1e20", ",", "1e+20"),
        ("1234567.0", ",g", "1.23457e+06"),
        ("1234567.0", ",.10g", "1,234,567"),
        ("123456789.0", ",.3g", "1.23e+08"),
        ("inf", "F", "INF"),
        ("-inf", "E", "-INF"),
        ("nan", "G", "NAN"),
        ("nan", "+", "+nan"),
        ("inf", "+", "+inf"),
        ("inf", "010", "0000000inf"),
        ("-inf", "010,", "-000000inf"),
        ("inf", "*^9", "***inf***"),
        ("nan", "%", "nan%"),
        ("inf", "#.3", "inf"),
        ("-0.0", "z", "0.0"),
        ("-0.0", "z.3e", "0.000e+00"),
        ("-0.0001", "z.2f", "0.00"),
        ("-0.0001", "z.4f", "-0.0001"),
        ("-1e-300", "z.3e", "-1.000e-300"),
        ("-1e-05", "z.1%", "0.0%"),
        ("-0.0", "+z", "+0.0"),
        ("-0.4", "z.0f", "0"),
        ("-0.5", "z.0f", "0"),
        ("-0.6", "z.0f", "-1"),
        ("-0.0", "zg", "0"),
        ("-inf", "z", "-inf"),
        ("2.5", "é<8", "2.5ééééé"),
        ("2.5", "🐍^9", "🐍🐍🐍2.5🐍🐍🐍"),
        ("2.5", "0<8", "2.500000"),
        ("-2.5", "0^9", "00-2.5000"),
        ("0.1", ".60f", "0.100000000000000005551115123125782702118158340454101562500000"),
        ("5e-324", ".1100e", "4.94065645841246544176568792868221372365059802614324764425585682500675507270208751865299836361635992379796564695445717730926656710355939796398774796010781878126300713190311404527845817167848982103688718636056998730723050006387409153564984387312473397273169615140031715385398074126238565591171026658556686768187039560310624931945271591492455329305456544401127480129709999541931989409080416563324524757147869014726780159355238611550134803526493472019379026810710749170333222684475333572083243193609238289345836806010601150616980975307834227731832924790498252473077637592724787465608477820373446969953364701797267771758512566055119913150489110145103786273816725095583738973359899366480994116420570263709027924276754456522908753868250641971826553344726562500000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e-324"),
    ];
    const STR_CASES: &[(&str, &str, &str)] = &[
        ("", "", ""),
        ("abc", "", "abc"),
        ("abc", "5", "abc  "),
        ("abc", ">5", "  abc"),
        ("abc", "^5", " abc "),
        ("abc", "^6", " abc  "),
        ("abc", "*<6", "abc***"),
        ("abc", ".1", "a"),
        ("abc", ".0", ""),
        ("abc", "^7.2", "  ab   "),
        ("abc", ".5", "abc"),
        ("abc", "2", "abc"),
        ("héllo", "*^11", "***héllo***"),
        ("日本語", ">6", "   日本語"),
        ("🐍🐍", "_^5", "_🐍🐍__"),
        ("ab", "05", "ab000"),
        ("ab", "^05", "0ab00"),
        ("ab", "<05", "ab000"),
        ("abc", "s", "abc"),
        ("abc", "10s", "abc       "),
        ("abc", ".2s", "ab"),
        ("ℌ𝔢𝔩𝔩𝔬", ".3", "ℌ𝔢𝔩"),
        ("x", "🐍>3", "🐍🐍x"),
        ("tab\t", ">6", "  tab\t"),
        ("ab", "0>5", "000ab"),
    ];
    /// (kind, value, spec, exception, message)
    const ERROR_CASES: &[(char, &str, &str, &str, &str)] = &[
        ('i', "1", ".", "ValueError", "Format specifier missing precision"),
        ('i', "1", "10.", "ValueError", "Format specifier missing precision"),
        ('i', "1", ",_", "ValueError", "Cannot specify both ',' and '_'."),
        ('i', "1", "_,", "ValueError", "Cannot specify both ',' and '_'."),
        ('i', "1", ",,", "ValueError", "Cannot specify ',' with ','."),
        ('i', "1", "__", "ValueError", "Cannot specify '_' with '_'."),
        ('i', "1", ", ", "ValueError", "Cannot specify ',' with '\\x20'."),
        ('i', "1", ",c", "ValueError", "Cannot specify ',' with 'c'."),
        ('i', "1", ",n", "ValueError", "Cannot specify ',' with 'n'."),
        ('f', "1.5", ",n", "ValueError", "Cannot specify ',' with 'n'."),
        ('s', "a", ",", "ValueError", "Cannot specify ',' with 's'."),
        ('s', "a", "_", "ValueError", "Cannot specify '_' with 's'."),
        ('s', "a", ",b", "ValueError", "Cannot specify ',' with 'b'."),
        ('s', "a", "_b", "ValueError", "Unknown format code 'b' for object of type 'str'"),
        ('i', "1", ".2", "ValueError", "Precision not allowed in integer format specifier"),
        ('i', "1", "z", "ValueError", "Negative zero coercion (z) not allowed in integer format specifier"),
        ('i', "1", "zd", "ValueError", "Negative zero coercion (z) not allowed in integer format specifier"),
        ('i', "1", "+c", "ValueError", "Sign not allowed with integer format specifier 'c'"),
        ('i', "1", "#c", "ValueError", "Alternate form (#) not allowed with integer format specifier 'c'"),
        ('i', "1", " c", "ValueError", "Sign not allowed with integer format specifier 'c'"),
        ('i', "-1", "c", "OverflowError", "%c arg not in range(0x110000)"),
        ('i', "1114112", "c", "OverflowError", "%c arg not in range(0x110000)"),
        ('i', "1180591620717411303424", "c", "OverflowError", "Python int too large to convert to C long"),
        ('i', "9223372036854775808", "c", "OverflowError", "Python int too large to convert to C long"),
        ('i', "-9223372036854775808", "c", "OverflowError", "%c arg not in range(0x110000)"),
        ('i', "-18446744073709551616", "c", "OverflowError", "Python int too large to convert to C long"),
        ('i', "1", "y", "ValueError", "Unknown format code 'y' for object of type 'int'"),
        ('f', "1.5", "d", "ValueError", "Unknown format code 'd' for object of type 'float'"),
        ('f', "1.5", "x", "ValueError", "Unknown format code 'x' for object of type 'float'"),
        ('s', "a", "d", "ValueError", "Unknown format code 'd' for object of type 'str'"),
        ('i', "1", "é", "ValueError", "Unknown format code '\\xe9' for object of type 'int'"),
        ('i', "1", "  ", "ValueError", "Unknown format code '\\x20' for object of type 'int'"),
        ('i', "1", "10.2fx", "ValueError", "Invalid format specifier '10.2fx' for object of type 'int'"),
        ('i', "1", "\u{1}", "ValueError", "Unknown format code '\\x1' for object of type 'int'"),
        ('f', "1.5", "c", "ValueError", "Unknown format code 'c' for object of type 'float'"),
        ('f', "1.5", "s", "ValueError", "Unknown format code 's' for object of type 'float'"),
        ('s', "a", "c", "ValueError", "Unknown format code 'c' for object of type 'str'"),
        ('i', "1", "s", "ValueError", "Unknown format code 's' for object of type 'int'"),
        ('i', "1", "x,", "ValueError", "Invalid format specifier 'x,' for object of type 'int'"),
        ('i', "1", ",x", "ValueError", "Cannot specify ',' with 'x'."),
        ('s', "a", "+", "ValueError", "Sign not allowed in string format specifier"),
        ('s', "a", " ", "ValueError", "Space not allowed in string format specifier"),
        ('s', "a", "-", "ValueError", "Sign not allowed in string format specifier"),
        ('s', "a", "z", "ValueError", "Negative zero coercion (z) not allowed in string format specifier"),
        ('s', "a", "#", "ValueError", "Alternate form (#) not allowed in string format specifier"),
        ('s', "a", "=", "ValueError", "'=' alignment not allowed in string format specifier"),
        ('s', "a", "0=5", "ValueError", "'=' alignment not allowed in string format specifier"),
        ('s', "a", "+z#", "ValueError", "Sign not allowed in string format specifier"),
        ('s', "a", "+,", "ValueError", "Cannot specify ',' with 's'."),
        ('s', "a", "+d", "ValueError", "Unknown format code 'd' for object of type 'str'"),
        ('i', "1", "99999999999999999999", "ValueError", "Too many decimal digits in format string"),
        ('i', "1", ".99999999999999999999", "ValueError", "Too many decimal digits in format string"),
        ('f', "1.5", ".99999999999999999999", "ValueError", "Too many decimal digits in format string"),
        ('f', "1.5", ".3000000000", "ValueError", "precision too big"),
        ('i', "1", ".3000000000e", "ValueError", "precision too big"),
        ('s', "a", ".9999999999999999999", "ValueError", "Too many decimal digits in format string"),
        ('i', "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "e", "OverflowError", "int too large to convert to float"),
        ('i', "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "f", "OverflowError", "int too large to convert to float"),
        ('i', "-179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "%", "OverflowError", "int too large to convert to float"),
        ('i', "1", "##", "ValueError", "Unknown format code '#' for object of type 'int'"),
        ('i', "1", "zz", "ValueError", "Unknown format code 'z' for object of type 'int'"),
        ('f', "1.5", "zz", "ValueError", "Unknown format code 'z' for object of type 'float'"),
        ('i', "1", "0z", "ValueError", "Unknown format code 'z' for object of type 'int'"),
        ('f', "1.5", "10.2fx", "ValueError", "Invalid format specifier '10.2fx' for object of type 'float'"),
        ('s', "a", "<<<", "ValueError", "Unknown format code '<' for object of type 'str'"),
        ('i', "1", "1000000000000000000", "MemoryError", ""),
        ('s', "a", "1000000000000000000", "MemoryError", ""),
        ('f', "1.5", "1000000000000000000", "MemoryError", ""),
    ];

    #[test]
    fn ints() {
        for &(v, spec, want) in INT_CASES {
            assert_eq!(
                int_result(v, spec).as_deref(),
                Ok(want),
                "format({v}, {spec:?})"
            );
        }
    }

    #[test]
    fn floats() {
        for &(v, spec, want) in FLOAT_CASES {
            assert_eq!(
                float_result(v, spec).as_deref(),
                Ok(want),
                "format({v}, {spec:?})"
            );
        }
    }

    #[test]
    fn strs() {
        for &(v, spec, want) in STR_CASES {
            assert_eq!(
                format_str_spec(v, spec).as_deref(),
                Ok(want),
                "format({v:?}, {spec:?})"
            );
        }
    }

    #[test]
    fn errors() {
        for &(kind, v, spec, exc, msg) in ERROR_CASES {
            let (result, type_name) = match kind {
                'i' => (int_result(v, spec), "int"),
                'f' => (float_result(v, spec), "float"),
                _ => (format_str_spec(v, spec), "str"),
            };
            let err = result.expect_err(spec);
            assert_eq!(err.kind().name(), exc, "format({v}, {spec:?})");
            assert_eq!(err.message(type_name), msg, "format({v}, {spec:?})");
        }
    }

    #[test]
    fn message_names_the_callers_type() {
        let err = format_int_spec(&BigInt::from(1), "y").unwrap_err();
        assert_eq!(
            err.message("bool"),
            "Unknown format code 'y' for object of type 'bool'"
        );
        let err = parse("10.2fx").unwrap_err();
        assert_eq!(
            err.message("bool"),
            "Invalid format specifier '10.2fx' for object of type 'bool'"
        );
    }

    #[test]
    fn parse_fields() {
        let spec = parse("*^+z#012_.3f").unwrap();
        assert_eq!(
            spec,
            Spec {
                fill: '*',
                align: Some('^'),
                sign: Some('+'),
                no_neg_zero: true,
                alternate: true,
                zero_pad: false,
                width: Some(12),
                grouping: Some('_'),
                precision: Some(3),
                ty: Some('f'),
            }
        );
        let spec = parse("010,").unwrap();
        assert_eq!((spec.fill, spec.zero_pad, spec.align), ('0', true, None));
        assert_eq!((spec.width, spec.grouping), (Some(10), Some(',')));
        assert_eq!(parse("").unwrap(), Spec::default());
        // A fill that is itself an alignment character.
        let spec = parse("<<").unwrap();
        assert_eq!((spec.fill, spec.align), ('<', Some('<')));
        // Non-ASCII decimal digits count as width digits.
        assert_eq!(parse("\u{661}\u{660}").unwrap().width, Some(10));
    }

    #[test]
    fn negative_nan_has_no_sign() {
        let nan = -f64::NAN;
        assert!(nan.is_sign_negative());
        assert_eq!(format_float_spec(nan, "").as_deref(), Ok("nan"));
        assert_eq!(format_float_spec(nan, "+").as_deref(), Ok("+nan"));
        assert_eq!(format_float_spec(nan, "F").as_deref(), Ok("NAN"));
    }

    #[test]
    fn precision_beyond_rusts_limit() {
        // Rust's formatter panics above 65535 digits; CPython happily goes on.
        let s = format_float_spec(0.1, ".1200f").unwrap();
        assert_eq!(s.len(), 1202);
        assert_eq!(s.trim_end_matches('0').len(), 57);
        assert!(s.trim_end_matches('0').ends_with("4541015625"));
        let s = format_float_spec(5e-324, "#.2000g").unwrap();
        assert_eq!(s.len(), 2006);
        assert!(s.starts_with("4.940656") && s.ends_with("000e-324"));
        assert_eq!(
            s.split('e').next().map(|m| m.trim_end_matches('0').len()),
            Some(752)
        );
        let s = format_float_spec(1.5, ".70000e").unwrap();
        assert_eq!(s.len(), 70006);
        let s = format_int_spec(&BigInt::from(3), ".70000%").unwrap();
        assert_eq!(s.len(), 70005);
        assert!(s.starts_with("300.000"));
    }

    #[test]
    fn surrogate_char_is_refused() {
        let err = format_int_spec(&BigInt::from(0xd800), "c").unwrap_err();
        assert_eq!(err, SpecError::CharSurrogate(0xd800));
        assert_eq!(err.kind(), ErrorKind::ValueError);
    }

    #[test]
    fn pad_directly() {
        let spec = parse("*=8").unwrap();
        assert_eq!(pad("-", "12", &spec, '>').as_deref(), Ok("-*****12"));
        let spec = parse("🐍^6").unwrap();
        assert_eq!(pad("", "ab", &spec, '<').as_deref(), Ok("🐍🐍ab🐍🐍"));
        let spec = parse("5").unwrap();
        assert_eq!(pad("", "ab", &spec, '<').as_deref(), Ok("ab   "));
        assert_eq!(pad("", "ab", &spec, '>').as_deref(), Ok("   ab"));
    }

    #[test]
    fn hand_built_spec_is_revalidated() {
        let spec = Spec {
            grouping: Some(','),
            ty: Some('c'),
            ..Spec::default()
        };
        assert_eq!(
            format_int(&BigInt::from(65), &spec),
            Err(SpecError::SeparatorWithType { sep: ',', ty: 'c' })
        );
    }
}
