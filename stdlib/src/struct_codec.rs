//! `_struct_codec`: the native half of `_struct` (stdlib/src/py/_struct.py) — parsing
//! struct format strings (byte order, native alignment, repeat counts) and packing
//! and unpacking values, with CPython's `struct.error` messages. The exception class
//! itself is made in Python and handed over with `set_error`. Depends on core's
//! public API.

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use tripwire_core::builtins::bytearray::{as_bytearray, bytes_like};
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{add_function, check_args};
use tripwire_core::object::float::frexp;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, TypeRef, Value};
use tripwire_core::{PyErr, PyResult, Vm};

thread_local! {
    static ERROR: std::cell::RefCell<Option<TypeRef>> = const { std::cell::RefCell::new(None) };
}

fn error(vm: &Vm, msg: impl AsRef<str>) -> PyErr {
    match ERROR.with(|e| e.borrow().clone()) {
        Some(cls) => vm.new_error(&cls, msg.as_ref()),
        None => vm.value_error(msg),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    Little,
    Big,
}

/// One format code with its repeat count, placed at `offset`.
struct Item {
    code: u8,
    count: usize,
    offset: usize,
}

struct Layout {
    items: Vec<Item>,
    size: usize,
    order: Order,
    /// `@`: native sizes and alignment.
    native: bool,
}

/// The size of one `code` item; None for a code the mode does not have.
fn item_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse(vm: &Vm, fmt: &Value) -> PyResult<Layout> {
    let text: Vec<u8> = match fmt {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        other => match bytes_like(other) {
            Some(b) => b,
            None => {
                return Err(vm.type_error(format!(
                    "Struct() argument 1 must be a str or bytes object, not {}",
                    vm.type_name(other)
                )))
            }
        },
    };
    let (order, native, rest) = match text.first() {
        Some(b'@') => (Order::Native, true, &text[1..]),
        Some(b'=') => (Order::Native, false, &text[1..]),
        Some(b'<') => (Order::Little, false, &text[1..]),
        Some(b'>' | b'!') => (Order::Big, false, &text[1..]),
        _ => (Order::Native, true, &text[..]),
    };
    let mut items = Vec::new();
    let mut size = 0usize;
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = None;
        while i < rest.len() && rest[i].is_ascii_digit() {
            let d = (rest[i] - b'0') as usize;
            count = Some(
                count
                    .unwrap_or(0usize)
                    .checked_mul(10)
                    .and_then(|n: usize| n.checked_add(d))
                    .ok_or_else(|| error(vm, "total struct size too long"))?,
            );
            i += 1;
        }
        let Some(&code) = rest.get(i) else {
            return Err(error(vm, "repeat count given without format specifier"));
        };
        i += 1;
        let Some(one) = item_size(code, native) else {
            return Err(error(vm, "bad char in struct format"));
        };
        let count = count.unwrap_or(1);
        if native && one > 1 {
            size = size.div_ceil(one) * one;
        }
        items.push(Item {
            code,
            count,
            offset: size,
        });
        size = one
            .checked_mul(count)
            .and_then(|n| n.checked_add(size))
            .ok_or_else(|| error(vm, "total struct size too long"))?;
    }
    Ok(Layout {
        items,
        size,
        order,
        native,
    })
}

/// How many values the layout packs.
fn value_count(layout: &Layout) -> usize {
    layout
        .items
        .iter()
        .map(|it| match it.code {
            b'x' => 0,
            b's' | b'p' => 1,
            _ => it.count,
        })
        .sum()
}

fn put(out: &mut [u8], at: usize, bytes: &[u8]) {
    if let Some(dst) = out.get_mut(at..at + bytes.len()) {
        dst.copy_from_slice(bytes);
    }
}

/// The `n` low bytes of `v` in the layout's order.
fn int_bytes(v: u64, n: usize, order: Order) -> Vec<u8> {
    let le = v.to_le_bytes();
    let mut b = le[..n].to_vec();
    if order == Order::Big || (order == Order::Native && cfg!(target_endian = "big")) {
        b.reverse();
    }
    b
}

fn read_uint(data: &[u8], order: Order) -> u64 {
    let mut b = data.to_vec();
    if order == Order::Big || (order == Order::Native && cfg!(target_endian = "big")) {
        b.reverse();
    }
    b.iter().rev().fold(0u64, |acc, &x| (acc << 8) | x as u64)
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let is_int = vm.index_value(v).is_ok_and(|i| i.is_some())
        || matches!(v, Value::BigInt(_))
        || tripwire_core::vm::ops::as_int(v).is_some();
    if !is_int {
        return Err(error(vm, "required argument is not an integer"));
    }
    tripwire_core::modules::math::index_big(vm, v)
}

fn pack_int(vm: &mut Vm, code: u8, v: &Value, size: usize, order: Order) -> PyResult<Vec<u8>> {
    let n = int_arg(vm, v)?;
    let signed = code.is_ascii_lowercase() && code != b'p';
    let bits = size * 8;
    let (lo, hi) = if signed {
        (
            -(BigInt::from(1) << (bits - 1)),
            (BigInt::from(1) << (bits - 1)) - 1,
        )
    } else {
        (BigInt::from(0), (BigInt::from(1) << bits) - 1)
    };
    if n < lo || n > hi {
        if code == b'P' {
            return Err(vm.overflow_error("int too large to convert"));
        }
        return Err(error(
            vm,
            format!("'{}' format requires {lo} <= number <= {hi}", code as char),
        ));
    }
    let word = match n.to_i64() {
        Some(i) => i as u64,
        None => n.to_u64().unwrap_or(0),
    };
    Ok(int_bytes(word, size, order))
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        _ if tripwire_core::vm::ops::as_int(v).is_some() => {
            tripwire_core::builtins::types::to_float(vm, v)
        }
        _ => {
            let name = vm.intern("__float__");
            let index = vm.intern("__index__");
            let t = vm.type_of(v);
            if t.lookup(&name).is_some() || t.lookup(&index).is_some() {
                tripwire_core::builtins::types::to_float(vm, v)
            } else {
                Err(error(vm, "required argument is not a float"))
            }
        }
    }
}

/// IEEE half precision from a double, rounding to nearest even; None on overflow.
fn to_half(x: f64) -> Option<u16> {
    let sign = if x.is_sign_negative() { 0x8000u16 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // a lies in [2**e, 2**(e + 1)).
    let mut e = frexp(a).1 - 1;
    if e < -14 {
        // Subnormal, in units of 2**-24 (a carry to 1024 is the least normal).
        return Some(sign | (a * 2f64.powi(24)).round_ties_even() as u16);
    }
    let mut m = (a * 2f64.powi(10 - e)).round_ties_even() as u32;
    if m == 2048 {
        m = 1024;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | (m - 1024) as u16)
}

fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 if m == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn pack_layout(vm: &mut Vm, layout: &Layout, args: &[Value]) -> PyResult<Vec<u8>> {
    let expected = value_count(layout);
    if args.len() != expected {
        return Err(error(
            vm,
            format!(
                "pack expected {expected} items for packing (got {})",
                args.len()
            ),
        ));
    }
    let mut out = vec![0u8; layout.size];
    let mut values = args.iter();
    for item in &layout.items {
        let one = item_size(item.code, layout.native).unwrap_or(1);
        if matches!(item.code, b's' | b'p') {
            let v = values.next().cloned().unwrap_or(Value::None);
            let Some(b) = bytes_like(&v).filter(|_| !matches!(v, Value::Str(_))) else {
                return Err(error(
                    vm,
                    format!(
                        "argument for '{}' must be a bytes object",
                        item.code as char
                    ),
                ));
            };
            let slot = &mut out[item.offset..item.offset + item.count];
            if item.code == b's' {
                let n = b.len().min(item.count);
                slot[..n].copy_from_slice(&b[..n]);
            } else if item.count > 0 {
                let n = b.len().min(item.count - 1).min(255);
                slot[0] = n as u8;
                slot[1..1 + n].copy_from_slice(&b[..n]);
            }
            continue;
        }
        for k in 0..item.count {
            let at = item.offset + k * one;
            if item.code == b'x' {
                continue;
            }
            let v = values.next().cloned().unwrap_or(Value::None);
            let bytes = match item.code {
                b'c' => match bytes_like(&v) {
                    Some(b) if b.len() == 1 && !matches!(v, Value::Str(_)) => b,
                    _ => return Err(error(vm, "char format requires a bytes object of length 1")),
                },
                b'?' => vec![vm.truthy(&v)? as u8],
                b'e' => {
                    let f = float_arg(vm, &v)?;
                    let h = to_half(f).ok_or_else(|| {
                        vm.overflow_error("float too large to pack with e format")
                    })?;
                    int_bytes(h as u64, 2, layout.order)
                }
                b'f' => {
                    let wide = float_arg(vm, &v)?;
                    let f = wide as f32;
                    // The standard sizes check the range; native '@f' casts as C does.
                    if !layout.native && f.is_infinite() && wide.is_finite() {
                        return Err(vm.overflow_error("float too large to pack with f format"));
                    }
                    int_bytes(f.to_bits() as u64, 4, layout.order)
                }
                b'd' => {
                    let f = float_arg(vm, &v)?;
                    int_bytes(f.to_bits(), 8, layout.order)
                }
                code => pack_int(vm, code, &v, one, layout.order)?,
            };
            put(&mut out, at, &bytes);
        }
    }
    Ok(out)
}

fn unpack_layout(layout: &Layout, data: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    for item in &layout.items {
        let one = item_size(item.code, layout.native).unwrap_or(1);
        let field = |k: usize| &data[item.offset + k * one..item.offset + (k + 1) * one];
        match item.code {
            b'x' => {}
            b's' => out.push(new_bytes(
                data[item.offset..item.offset + item.count].to_vec(),
            )),
            b'p' => {
                let slot = &data[item.offset..item.offset + item.count];
                let n = slot
                    .first()
                    .map_or(0, |&n| (n as usize).min(item.count.saturating_sub(1)));
                out.push(new_bytes(slot.get(1..1 + n).unwrap_or(&[]).to_vec()));
            }
            code => {
                for k in 0..item.count {
                    let raw = field(k);
                    let word = read_uint(raw, layout.order);
                    out.push(match code {
                        b'c' => new_bytes(raw.to_vec()),
                        b'?' => Value::Bool(word != 0),
                        b'e' => Value::Float(from_half(word as u16)),
                        b'f' => Value::Float(f32::from_bits(word as u32) as f64),
                        b'd' => Value::Float(f64::from_bits(word)),
                        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
                            let shift = 64 - 8 * one as u32;
                            Value::Int(((word << shift) as i64) >> shift)
                        }
                        _ => match i64::try_from(word) {
                            Ok(i) => Value::Int(i),
                            Err(_) => Value::from_bigint(BigInt::from(word)),
                        },
                    });
                }
            }
        }
    }
    out
}

fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn calcsize(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "calcsize", args, 1, 1)?;
    Ok(Value::Int(parse(vm, &args[0])?.size as i64))
}

fn pack(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let Some((fmt, values)) = args.split_first() else {
        return Err(vm.type_error("pack expected at least 1 argument, got 0"));
    };
    let layout = parse(vm, fmt)?;
    Ok(new_bytes(pack_layout(vm, &layout, values)?))
}

fn offset_in(vm: &mut Vm, v: &Value, size: usize, len: usize, what: &str) -> PyResult<usize> {
    let off = tripwire_core::builtins::arg_ssize(vm, v)?;
    let start = if off < 0 {
        if off.unsigned_abs() as usize > len {
            return Err(error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        len - off.unsigned_abs() as usize
    } else {
        off as usize
    };
    if len.saturating_sub(start) < size || start > len {
        let verb = if what == "pack_into" {
            "packing"
        } else {
            "unpacking"
        };
        return Err(error(
            vm,
            format!(
                "{what} requires a buffer of at least {} bytes for {verb} {size} bytes at offset {start} (actual buffer size is {len})",
                size + start
            ),
        ));
    }
    Ok(start)
}

fn pack_into(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error(format!(
            "pack_into expected at least 3 arguments, got {}",
            args.len()
        )));
    }
    let layout = parse(vm, &args[0])?;
    let packed = pack_layout(vm, &layout, &args[3..])?;
    let Some(target) = as_bytearray(&args[1]) else {
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(&args[1])
        )));
    };
    let len = target.data.borrow().len();
    let start = offset_in(vm, &args[2], layout.size, len, "pack_into")?;
    target.data.borrow_mut()[start..start + packed.len()].copy_from_slice(&packed);
    Ok(Value::None)
}

fn unpack(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "unpack", args, 2, 2)?;
    let layout = parse(vm, &args[0])?;
    let data = buffer(vm, &args[1])?;
    if data.len() != layout.size {
        return Err(error(
            vm,
            format!("unpack requires a buffer of {} bytes", layout.size),
        ));
    }
    Ok(Value::tuple(unpack_layout(&layout, &data)))
}

fn unpack_from(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "unpack_from", args, 3, 3)?;
    let layout = parse(vm, &args[0])?;
    let data = buffer(vm, &args[1])?;
    let start = offset_in(vm, &args[2], layout.size, data.len(), "unpack_from")?;
    Ok(Value::tuple(unpack_layout(
        &layout,
        &data[start..start + layout.size],
    )))
}

fn iter_unpack(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "iter_unpack", args, 2, 2)?;
    let layout = parse(vm, &args[0])?;
    if layout.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer(vm, &args[1])?;
    if data.len() % layout.size != 0 {
        return Err(error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                layout.size
            ),
        ));
    }
    let rows = data
        .chunks(layout.size)
        .map(|chunk| Value::tuple(unpack_layout(&layout, chunk)));
    Ok(Value::list(rows.collect()))
}

fn set_error(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "set_error", args, 1, 1)?;
    let Value::Type(t) = &args[0] else {
        return Err(vm.type_error("set_error() needs an exception class"));
    };
    ERROR.with(|e| *e.borrow_mut() = Some(t.clone()));
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&'static str, tripwire_core::object::NativeFn)] = &[
        ("calcsize", calcsize),
        ("pack", pack),
        ("pack_into", pack_into),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
        ("iter_unpack", iter_unpack),
        ("set_error", set_error),
    ];
    for (name, f) in fns {
        add_function(vm, d, "_struct", name, *f);
    }
    Ok(())
}
