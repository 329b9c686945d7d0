//! The methods `bytes` and `bytearray` share: searching, splitting, stripping,
//! replacing, ASCII case and class tests, padding, `translate`, `hex` / `fromhex`
//! and `decode`. Each reads its receiver through `bytearray::bytes_like` and builds
//! its result as the receiver's type (a bytearray method returns bytearrays).

use super::bytearray::{bytes_like, new_bytearray};
use super::bytes::new_bytes;
use super::{add_method, arg_int, check_method_args, kwarg};
use crate::object::function::KwArg;
use crate::object::{ObjKind, TypeRef, Value};
use crate::vm::{PyResult, Vm};

const WHITESPACE: &[u8] = b" \t\n\r\x0b\x0c";

fn recv(vm: &Vm, args: &[Value], name: &str) -> PyResult<Vec<u8>> {
    args.first().and_then(bytes_like).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' requires a 'bytes' object but received a '{}'",
            args.first().map(|v| vm.type_name(v)).unwrap_or_default()
        ))
    })
}

/// A result of the receiver's type.
fn make(receiver: &Value, data: Vec<u8>) -> Value {
    // A bytearray subclass's methods make bytearrays too, as CPython's.
    let own = match receiver {
        Value::Instance(i) => i.base_value(),
        other => Some(other.clone()),
    };
    match own {
        Some(Value::Obj(o)) if matches!(o.kind, ObjKind::ByteArray(_)) => new_bytearray(data),
        _ => new_bytes(data),
    }
}

fn buffer_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A search argument: a buffer, or an int naming one byte.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    if vm.index_value(v)?.is_some() {
        return Ok(vec![super::bytearray::byte_value(vm, v)?]);
    }
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

/// Optional start / end arguments resolved against `len`, as slice bounds.
fn bounds(
    vm: &mut Vm,
    len: usize,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let mut conv = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => {
                let i = super::arg_ssize(vm, x)?;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    let a = conv(start, 0)?;
    let b = conv(end, len)?;
    Ok((a as usize, b as usize))
}

pub(crate) fn find_in(hay: &[u8], sub: &[u8], reverse: bool) -> Option<usize> {
    if sub.len() > hay.len() {
        return None;
    }
    let mut positions = 0..=hay.len() - sub.len();
    let hit = |&i: &usize| &hay[i..i + sub.len()] == sub;
    if reverse {
        positions.rev().find(hit)
    } else {
        positions.find(hit)
    }
}

fn find_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Option<usize>> {
    check_method_args(vm, name, args, 1, 3)?;
    let data = recv(vm, args, name)?;
    let sub = needle(vm, &args[1])?;
    let (a, b) = bounds(vm, data.len(), args.get(2), args.get(3))?;
    if a > b {
        return Ok(None);
    }
    Ok(find_in(&data[a..b], &sub, reverse).map(|i| a + i))
}

fn find(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let r = find_impl(vm, args, "find", false)?;
    Ok(Value::Int(r.map_or(-1, |i| i as i64)))
}

fn rfind(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let r = find_impl(vm, args, "rfind", true)?;
    Ok(Value::Int(r.map_or(-1, |i| i as i64)))
}

fn index(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    match find_impl(vm, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    match find_impl(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "count", args, 1, 3)?;
    let data = recv(vm, args, "count")?;
    let sub = needle(vm, &args[1])?;
    let (a, b) = bounds(vm, data.len(), args.get(2), args.get(3))?;
    if a > b {
        return Ok(Value::Int(0));
    }
    let hay = &data[a..b];
    if sub.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let (mut n, mut i) = (0, 0);
    while let Some(k) = find_in(&hay[i..], &sub, false) {
        n += 1;
        i += k + sub.len();
    }
    Ok(Value::Int(n))
}

fn affix_impl(vm: &mut Vm, args: &[Value], name: &str, at_end: bool) -> PyResult<Value> {
    check_method_args(vm, name, args, 1, 3)?;
    let data = recv(vm, args, name)?;
    let (a, b) = bounds(vm, data.len(), args.get(2), args.get(3))?;
    let candidates = match &args[1] {
        Value::Tuple(t) => t.items.to_vec(),
        other => vec![other.clone()],
    };
    for c in &candidates {
        let Some(affix) = bytes_like(c) else {
            return Err(vm.type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(c)
            )));
        };
        if a > b || b - a < affix.len() {
            continue;
        }
        let hay = &data[a..b];
        let hit = if at_end {
            hay.ends_with(&affix)
        } else {
            hay.starts_with(&affix)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    affix_impl(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    affix_impl(vm, args, "endswith", true)
}

fn join(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "join", args, 1, 1)?;
    let sep = recv(vm, args, "join")?;
    let items = vm.collect_iterable(&args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = bytes_like(it) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(it)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(b);
    }
    Ok(make(&args[0], out))
}

/// The `sep` and `maxsplit` of split / rsplit, positional or by keyword.
fn split_args(
    vm: &mut Vm,
    args: &[Value],
    kw: &[KwArg],
    name: &str,
) -> PyResult<(Option<Vec<u8>>, i64)> {
    super::only_kwargs(vm, name, kw, &["sep", "maxsplit"])?;
    check_method_args(vm, name, args, 0, 2)?;
    let sep = args.get(1).or_else(|| kwarg(kw, "sep"));
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = buffer_arg(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let maxsplit = match args.get(2).or_else(|| kwarg(kw, "maxsplit")) {
        None => -1,
        Some(v) => arg_int(vm, v)?,
    };
    Ok((sep, maxsplit))
}

fn split_whitespace(data: &[u8], maxsplit: i64, reverse: bool) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    let is_ws = |b: &u8| WHITESPACE.contains(b);
    if reverse {
        let mut end = data.len();
        loop {
            while end > 0 && is_ws(&data[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                parts.push(data[..end].to_vec());
                break;
            }
            let mut start = end;
            while start > 0 && !is_ws(&data[start - 1]) {
                start -= 1;
            }
            parts.push(data[start..end].to_vec());
            end = start;
        }
        parts.reverse();
    } else {
        let mut start = 0;
        loop {
            while start < data.len() && is_ws(&data[start]) {
                start += 1;
            }
            if start == data.len() {
                break;
            }
            if maxsplit >= 0 && parts.len() as i64 == maxsplit {
                parts.push(data[start..].to_vec());
                break;
            }
            let mut end = start;
            while end < data.len() && !is_ws(&data[end]) {
                end += 1;
            }
            parts.push(data[start..end].to_vec());
            start = end;
        }
    }
    parts
}

fn split_on(data: &[u8], sep: &[u8], maxsplit: i64, reverse: bool) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    if reverse {
        let mut end = data.len();
        while maxsplit < 0 || (parts.len() as i64) < maxsplit {
            match find_in(&data[..end], sep, true) {
                Some(i) => {
                    parts.push(data[i + sep.len()..end].to_vec());
                    end = i;
                }
                None => break,
            }
        }
        parts.push(data[..end].to_vec());
        parts.reverse();
    } else {
        let mut start = 0;
        while maxsplit < 0 || (parts.len() as i64) < maxsplit {
            match find_in(&data[start..], sep, false) {
                Some(i) => {
                    parts.push(data[start..start + i].to_vec());
                    start += i + sep.len();
                }
                None => break,
            }
        }
        parts.push(data[start..].to_vec());
    }
    parts
}

fn split_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: &[KwArg],
    name: &str,
    reverse: bool,
) -> PyResult<Value> {
    let data = recv(vm, args, name)?;
    let (sep, maxsplit) = split_args(vm, args, kw, name)?;
    let parts = match sep {
        None => split_whitespace(&data, maxsplit, reverse),
        Some(s) => split_on(&data, &s, maxsplit, reverse),
    };
    Ok(Value::list(
        parts.into_iter().map(|p| make(&args[0], p)).collect(),
    ))
}

fn split(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    split_impl(vm, args, kw, "split", false)
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    split_impl(vm, args, kw, "rsplit", true)
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let data = recv(vm, args, "splitlines")?;
    let keepends = match args.get(1).or_else(|| kwarg(kw, "keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        let eol = match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keepends { i + eol } else { i };
        parts.push(make(&args[0], data[start..end].to_vec()));
        i += eol;
        start = i;
    }
    if start < data.len() {
        parts.push(make(&args[0], data[start..].to_vec()));
    }
    Ok(Value::list(parts))
}

fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    check_method_args(vm, name, args, 0, 1)?;
    let data = recv(vm, args, name)?;
    let chars = match args.get(1) {
        None | Some(Value::None) => WHITESPACE.to_vec(),
        Some(v) => buffer_arg(vm, v)?,
    };
    let mut a = 0;
    let mut b = data.len();
    if left {
        while a < b && chars.contains(&data[a]) {
            a += 1;
        }
    }
    if right {
        while b > a && chars.contains(&data[b - 1]) {
            b -= 1;
        }
    }
    Ok(make(&args[0], data[a..b].to_vec()))
}

fn strip(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    super::only_kwargs(vm, "replace", kw, &["count"])?;
    check_method_args(vm, "replace", args, 2, 3)?;
    let data = recv(vm, args, "replace")?;
    let old = buffer_arg(vm, &args[1])?;
    let new = buffer_arg(vm, &args[2])?;
    let limit = match args.get(3).or_else(|| kwarg(kw, "count")) {
        Some(v) => arg_int(vm, v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(data.len());
    let mut done = 0i64;
    if old.is_empty() {
        for (i, &b) in data.iter().enumerate() {
            if limit < 0 || done < limit {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(b);
            if i + 1 == data.len() && (limit < 0 || done < limit) {
                out.extend_from_slice(&new);
            }
        }
        if data.is_empty() && limit != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(make(&args[0], out));
    }
    let mut i = 0;
    while i < data.len() {
        if (limit < 0 || done < limit) && data[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            done += 1;
        } else {
            out.push(data[i]);
            i += 1;
        }
    }
    Ok(make(&args[0], out))
}

fn map_bytes(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: impl Fn(&[u8]) -> Vec<u8>,
) -> PyResult<Value> {
    check_method_args(vm, name, args, 0, 0)?;
    let data = recv(vm, args, name)?;
    Ok(make(&args[0], f(&data)))
}

fn upper(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_bytes(vm, args, "upper", |d| d.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_bytes(vm, args, "lower", |d| d.to_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_bytes(vm, args, "swapcase", |d| {
        d.iter()
            .map(|b| match b {
                b'a'..=b'z' => b.to_ascii_uppercase(),
                b'A'..=b'Z' => b.to_ascii_lowercase(),
                _ => *b,
            })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_bytes(vm, args, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn title(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_bytes(vm, args, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let out = if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev_cased = b.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn test_bytes(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: impl Fn(&[u8]) -> bool,
) -> PyResult<Value> {
    check_method_args(vm, name, args, 0, 0)?;
    let data = recv(vm, args, name)?;
    Ok(Value::Bool(f(&data)))
}

fn all_nonempty(d: &[u8], f: impl Fn(&u8) -> bool) -> bool {
    !d.is_empty() && d.iter().all(f)
}

fn isdigit(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    test_bytes(vm, args, "isdigit", |d| all_nonempty(d, u8::is_ascii_digit))
}

fn isalpha(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    test_bytes(vm, args, "isalpha", |d| {
        all_nonempty(d, u8::is_ascii_alphabetic)
    })
}

fn isalnum(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    test_bytes(vm, args, "isalnum", |d| {
        all_nonempty(d, u8::is_ascii_alphanumeric)
    })
}

fn isspace(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    test_bytes(vm, args, "isspace", |d| {
        all_nonempty(d, |b| WHITESPACE.contains(b))
    })
}

fn isascii(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    test_bytes(vm, args, "isascii", |d| d.is_ascii())
}

fn isupper(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    test_bytes(vm, args, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn islower(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    test_bytes(vm, args, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn istitle(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    test_bytes(vm, args, "istitle", |d| {
        let (mut cased, mut prev_cased) = (false, false);
        for b in d {
            if b.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

/// ljust / rjust / center: `left_share` of the padding goes left (0, 1, or half).
fn pad_impl(vm: &mut Vm, args: &[Value], name: &str, place: fn(usize) -> usize) -> PyResult<Value> {
    check_method_args(vm, name, args, 1, 2)?;
    let data = recv(vm, args, name)?;
    let width = super::arg_ssize(vm, &args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(v) => match bytes_like(v) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let total = (width.max(0) as usize).max(data.len());
    let padding = total - data.len();
    let left = place(padding).min(padding);
    let mut out = Vec::new();
    if out.try_reserve_exact(total).is_err() {
        return Err(vm.new_error(&vm.types.memory_error.clone(), ""));
    }
    out.resize(left, fill);
    out.extend_from_slice(&data);
    out.resize(total, fill);
    Ok(make(&args[0], out))
}

fn ljust(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    pad_impl(vm, args, "ljust", |_| 0)
}

fn rjust(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    pad_impl(vm, args, "rjust", |p| p)
}

fn center(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    // CPython puts the odd byte of padding on the left when the width is odd.
    let width = match args.get(1) {
        Some(v) => super::arg_ssize(vm, v)?,
        None => 0,
    };
    let odd = (width & 1) as usize;
    match odd {
        1 => pad_impl(vm, args, "center", |p| p / 2 + (p & 1)),
        _ => pad_impl(vm, args, "center", |p| p / 2),
    }
}

fn zfill(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "zfill", args, 1, 1)?;
    let data = recv(vm, args, "zfill")?;
    let width = super::arg_ssize(vm, &args[1])?.max(0) as usize;
    if width <= data.len() {
        return Ok(make(&args[0], data));
    }
    let fill = width - data.len();
    let signed = matches!(data.first(), Some(b'+' | b'-'));
    let mut out = Vec::with_capacity(width);
    if signed {
        out.push(data[0]);
    }
    out.resize(out.len() + fill, b'0');
    out.extend_from_slice(&data[usize::from(signed)..]);
    Ok(make(&args[0], out))
}

fn partition_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    check_method_args(vm, name, args, 1, 1)?;
    let data = recv(vm, args, name)?;
    let sep = buffer_arg(vm, &args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts = match find_in(&data, &sep, reverse) {
        Some(i) => [
            data[..i].to_vec(),
            sep.clone(),
            data[i + sep.len()..].to_vec(),
        ],
        None if reverse => [Vec::new(), Vec::new(), data],
        None => [data, Vec::new(), Vec::new()],
    };
    Ok(Value::tuple(
        parts.into_iter().map(|p| make(&args[0], p)).collect(),
    ))
}

fn partition(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "removeprefix", args, 1, 1)?;
    let data = recv(vm, args, "removeprefix")?;
    let p = buffer_arg(vm, &args[1])?;
    let out = data.strip_prefix(&p[..]).unwrap_or(&data).to_vec();
    Ok(make(&args[0], out))
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "removesuffix", args, 1, 1)?;
    let data = recv(vm, args, "removesuffix")?;
    let p = buffer_arg(vm, &args[1])?;
    let out = data.strip_suffix(&p[..]).unwrap_or(&data).to_vec();
    Ok(make(&args[0], out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let data = recv(vm, args, "expandtabs")?;
    let size = match args.get(1).or_else(|| kwarg(kw, "tabsize")) {
        Some(v) => arg_int(vm, v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &b in &data {
        match b {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(make(&args[0], out))
}

fn translate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "translate", args, 1, 2)?;
    let data = recv(vm, args, "translate")?;
    let table = match &args[1] {
        Value::None => None,
        v => {
            let t = buffer_arg(vm, v)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match args.get(2).or_else(|| kwarg(kw, "delete")) {
        Some(v) => buffer_arg(vm, v)?,
        None => Vec::new(),
    };
    let out = data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(make(&args[0], out))
}

fn maketrans(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "maketrans", args, 2, 2)?;
    let from = buffer_arg(vm, &args[1])?;
    let to = buffer_arg(vm, &args[2])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(table))
}

fn hex(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let data = recv(vm, args, "hex")?;
    Ok(Value::from_string(
        data.iter().map(|x| format!("{x:02x}")).collect(),
    ))
}

fn fromhex(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "fromhex", args, 1, 1)?;
    let text = match &args[1] {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(vm.type_error(format!(
                "fromhex() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), _) => {
                let at = i + 1;
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {at}"
                )));
            }
            _ => {
                return Err(vm.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )))
            }
        }
        i += 2;
    }
    let cls = match &args[0] {
        Value::Type(t) => t.clone(),
        _ => vm.types.bytes.clone(),
    };
    from_class(vm, &cls, out)
}

fn from_class(vm: &mut Vm, cls: &TypeRef, data: Vec<u8>) -> PyResult<Value> {
    if std::rc::Rc::ptr_eq(cls, &vm.types.bytearray) {
        Ok(new_bytearray(data))
    } else if std::rc::Rc::ptr_eq(cls, &vm.types.bytes) {
        Ok(new_bytes(data))
    } else {
        vm.call(&Value::Type(cls.clone()), &[new_bytes(data)], &[])
    }
}

/// A str argument of `method` (`encoding`, `errors`), if given.
pub(crate) fn codec_arg(
    vm: &Vm,
    method: &str,
    what: &str,
    v: Option<&Value>,
) -> PyResult<Option<std::rc::Rc<crate::object::PyStr>>> {
    match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(other) => Err(vm.type_error(format!(
            "{method}() argument '{what}' must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

/// The `encoding` and `errors` arguments of `str.encode` or `bytes.decode`
/// (`method`), positional or by keyword.
pub(crate) type CodecArgs = (
    Option<std::rc::Rc<crate::object::PyStr>>,
    Option<std::rc::Rc<crate::object::PyStr>>,
);

pub(crate) fn codec_args(
    vm: &Vm,
    method: &str,
    args: &[Value],
    kw: &[KwArg],
) -> PyResult<CodecArgs> {
    let encoding = codec_arg(
        vm,
        method,
        "encoding",
        args.get(1).or_else(|| kwarg(kw, "encoding")),
    )?;
    let errors = codec_arg(
        vm,
        method,
        "errors",
        args.get(2).or_else(|| kwarg(kw, "errors")),
    )?;
    Ok((encoding, errors))
}

/// `codecs.<function>(value, encoding, errors)` of the library, for a codec or an
/// error handler the native ones do not cover; the codec's name is given back for
/// the caller's check of the result. LookupError when there is no `codecs`.
pub(crate) fn through_library_codecs(
    vm: &mut Vm,
    function: &str,
    value: Value,
    (encoding, errors): CodecArgs,
) -> PyResult<(Value, String)> {
    let name = encoding
        .as_ref()
        .map_or("utf-8".to_string(), |e| e.as_str().to_string());
    let Ok(codecs) = vm.import_one("codecs") else {
        return Err(vm.new_error(
            &vm.types.lookup_error.clone(),
            &format!("unknown encoding: {name}"),
        ));
    };
    let call = vm.get_attr(&codecs, &vm.intern(function))?;
    let encoding = encoding.map_or_else(|| Value::str("utf-8"), Value::Str);
    let errors = errors.map_or_else(|| Value::str("strict"), Value::Str);
    let result = vm.call(&call, &[value, encoding, errors], &[])?;
    Ok((result, name))
}

fn decode(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    use super::text_codecs::{Codec, Handler};
    let (encoding, errors) = codec_args(vm, "decode", args, kw)?;
    let codec = encoding
        .as_ref()
        .map_or(Some(Codec::Utf8), |e| Codec::named(e.as_str()));
    let handler = errors.as_ref().map_or(Some(Handler::Strict), |e| {
        Handler::named(e.as_str()).filter(|&h| h != Handler::XmlCharRefReplace)
    });
    if let (Some(codec), Some(handler)) = (codec, handler) {
        let data = recv(vm, args, "decode")?;
        return super::bytes::decode_native(vm, &data, codec, handler);
    }
    let (text, name) = through_library_codecs(vm, "decode", args[0].clone(), (encoding, errors))?;
    if !matches!(text, Value::Str(_))
        && vm
            .builtin_base(&text)
            .is_none_or(|b| !matches!(b, Value::Str(_)))
    {
        return Err(vm.type_error(format!(
            "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            name,
            vm.type_name(&text)
        )));
    }
    Ok(text)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__contains__", args, 1, 1)?;
    let data = recv(vm, args, "__contains__")?;
    let sub = needle(vm, &args[1])?;
    Ok(Value::Bool(find_in(&data, &sub, false).is_some()))
}

/// `fmt % args` for bytes or bytearray `fmt` (a bytearray gives a bytearray, a
/// bytes subclass plain bytes).
pub fn percent(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let data = bytes_like(fmt).unwrap_or_default();
    let out = super::format::percent_format_bytes(vm, &data, args)?;
    Ok(make(fmt, out))
}

fn mod_method(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__mod__", args, 1, 1)?;
    recv(vm, args, "__mod__")?;
    percent(vm, &args[0], &args[1])
}

/// `x.__rmod__(fmt)`: bytes format only as the left operand.
fn rmod_method(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__rmod__", args, 1, 1)?;
    recv(vm, args, "__rmod__")?;
    Ok(super::types::not_implemented(vm))
}

pub fn install(vm: &mut Vm) {
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__mod__", mod_method),
        ("__rmod__", rmod_method),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isascii", isascii),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("ljust", ljust),
        ("rjust", rjust),
        ("center", center),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("expandtabs", expandtabs),
        ("translate", translate),
        ("hex", hex),
        ("decode", decode),
    ];
    for t in [vm.types.bytes.clone(), vm.types.bytearray.clone()] {
        for (name, f) in methods {
            add_method(vm, &t, name, *f);
        }
        super::add_classmethod(vm, &t, "fromhex", fromhex);
        let mk = crate::object::ObjKind::StaticMethod(super::native_function(
            "bytes",
            "maketrans",
            maketrans_static,
        ));
        let k = vm.intern("maketrans");
        t.dict
            .set_str(k, Value::obj(vm.types.staticmethod.clone(), mk));
    }
    let t = vm.types.bytearray.clone();
    super::add_dunder(vm, &t, "__contains__", contains);
}

/// `bytes.maketrans(frm, to)` as a static method (no receiver).
fn maketrans_static(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let mut with_receiver = vec![Value::None];
    with_receiver.extend_from_slice(args);
    maketrans(vm, &with_receiver, kw)
}
