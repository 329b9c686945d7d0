//! The methods of `str`.

use super::format::NamedFields;
use super::{add_method, arg_int, check_method_args, kwarg};
use crate::object::function::KwArg;
use crate::object::{wtf8, Dict, ObjKind, PyStr, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn this<'a>(vm: &Vm, args: &'a [Value], name: &str) -> PyResult<&'a Rc<PyStr>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s),
        Some(other) => Err(vm.type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// The receiver as text, unwrapping str subclasses.
fn text(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Rc<PyStr>> {
    if let Some(v) = args.first() {
        if let Some(Value::Str(s)) = vm.builtin_base(v) {
            return Ok(s);
        }
    }
    this(vm, args, name).cloned()
}

fn str_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(vm.type_error(format!("{} must be str, not {}", what, vm.type_name(other)))),
    }
}

fn new(s: String) -> PyResult<Value> {
    Ok(Value::from_string(s))
}

/// The concatenation of the strs among `parts` (other values are skipped), exact:
/// plain UTF-8 unless one of them holds a lone surrogate.
pub fn concat(parts: &[Value]) -> Value {
    let strs = || {
        parts.iter().filter_map(|p| match p {
            Value::Str(s) => Some(&**s),
            _ => None,
        })
    };
    let size = strs().map(|s| s.as_str().len()).sum();
    if strs().any(PyStr::has_surrogates) {
        let mut out = Vec::with_capacity(size);
        for s in strs() {
            out.extend_from_slice(s.wtf8());
        }
        return Value::from_wtf8(out);
    }
    let mut out = String::with_capacity(size);
    for s in strs() {
        out.push_str(s.as_str());
    }
    Value::from_string(out)
}

/// The str of one code point below 0x110000 (a lone surrogate included). Those
/// of the first 256 code points are shared, as CPython shares them (`'ab'[0] is
/// 'a'`), and are the interned strs of the same text: scanning text a character
/// at a time allocates nothing.
#[inline]
pub fn code_point_str(cp: u32) -> Value {
    if let Ok(byte) = u8::try_from(cp) {
        return LATIN1.with(|strs| {
            let shared = strs[byte as usize].get_or_init(|| {
                crate::object::str::intern(char::from(byte).encode_utf8(&mut [0; 4]))
            });
            Value::Str(shared.clone())
        });
    }
    match char::from_u32(cp) {
        Some(c) => Value::Str(Rc::new(PyStr::from_char(c))),
        None => surrogate_str(cp),
    }
}

thread_local! {
    static LATIN1: [std::cell::OnceCell<Rc<PyStr>>; 256] =
        const { [const { std::cell::OnceCell::new() }; 256] };
}

#[cold]
fn surrogate_str(cp: u32) -> Value {
    let s = PyStr::from_code_point(cp).unwrap_or_else(|| PyStr::from_char('\u{FFFD}'));
    Value::Str(Rc::new(s))
}

/// `s[key]`.
pub fn str_getitem(vm: &mut Vm, s: &Rc<PyStr>, key: &Value) -> PyResult<Value> {
    if let Value::Obj(o) = key {
        if let ObjKind::Slice { start, stop, step } = &o.kind {
            let si = vm.slice_indices(start, stop, step, s.char_len())?;
            if si.step == 1 {
                let start = si.start as usize;
                return Ok(Value::Str(Rc::new(s.slice(start, start + si.len))));
            }
            let points: Vec<u32> = s.code_points().collect();
            let mut out = Vec::with_capacity(si.len);
            let mut i = si.start;
            for _ in 0..si.len {
                wtf8::push(&mut out, points[i as usize]);
                i += si.step;
            }
            return Ok(Value::from_wtf8(out));
        }
    }
    if vm.index_value(key)?.is_none() {
        return Err(vm.type_error(format!(
            "string indices must be integers, not '{}'",
            vm.type_name(key)
        )));
    }
    match vm.seq_index(key, s.char_len(), "string")? {
        Some(i) => Ok(code_point_str(s.code_point_at(i).unwrap_or(0xFFFD))),
        None => Err(vm.index_error("string index out of range")),
    }
}

/// Resolve optional start/end arguments to a char range.
fn bounds(
    vm: &mut Vm,
    s: &PyStr,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<(usize, usize)> {
    let len = s.char_len() as i64;
    let conv = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => {
                let i = arg_int(vm, x)?;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
        }
    };
    let a = conv(vm, start, 0)?;
    let b = conv(vm, end, len)?;
    Ok((a as usize, b as usize))
}

/// The number of code points in generalized UTF-8 (or UTF-8) bytes.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// The number of non-overlapping occurrences of `sub` (not empty) in `hay`.
fn count_in(hay: &[u8], sub: &[u8]) -> usize {
    let mut n = 0;
    let mut at = 0;
    while let Some(i) = super::bytes_methods::find_in(&hay[at..], sub, false) {
        n += 1;
        at += i + sub.len();
    }
    n
}

/// `sub in s`, exactly.
pub fn contains(s: &PyStr, sub: &PyStr) -> bool {
    if s.has_surrogates() || sub.has_surrogates() {
        return super::bytes_methods::find_in(s.wtf8(), sub.wtf8(), false).is_some();
    }
    s.as_str().contains(sub.as_str())
}

fn find_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Option<usize>> {
    check_method_args(vm, name, args, 1, 3)?;
    let s = text(vm, args, name)?;
    let sub = str_arg(vm, &args[1], "must be str")
        .map_err(|_| vm.type_error(format!("must be str, not {}", vm.type_name(&args[1]))))?;
    let (a, b) = bounds(vm, &s, args.get(2), args.get(3))?;
    if a > b {
        return Ok(None);
    }
    let (b0, b1) = (s.byte_offset(a), s.byte_offset(b));
    let found = if s.has_surrogates() || sub.has_surrogates() {
        super::bytes_methods::find_in(&s.wtf8()[b0..b1], sub.wtf8(), reverse)
    } else {
        let hay = &s.as_str()[b0..b1];
        if reverse {
            hay.rfind(sub.as_str())
        } else {
            hay.find(sub.as_str())
        }
    };
    Ok(found.map(|byte| a + chars_in(&s.wtf8()[b0..b0 + byte])))
}

fn find(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, "find", false)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}
fn rfind(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, args, "rfind", true)?
            .map(|i| i as i64)
            .unwrap_or(-1),
    ))
}
fn index(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    match find_impl(vm, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn rindex(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    match find_impl(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "count", args, 1, 3)?;
    let s = text(vm, args, "count")?;
    let sub = str_arg(vm, &args[1], "argument")?;
    let (a, b) = bounds(vm, &s, args.get(2), args.get(3))?;
    if a > b {
        return Ok(Value::Int(0));
    }
    let n = if sub.as_str().is_empty() {
        b - a + 1
    } else if s.has_surrogates() || sub.has_surrogates() {
        let (b0, b1) = (s.byte_offset(a), s.byte_offset(b));
        count_in(&s.wtf8()[b0..b1], sub.wtf8())
    } else {
        s.slice_chars(a, b).matches(sub.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

fn join(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "join", args, 1, 1)?;
    let sep = text(vm, args, "join")?;
    let items = vm.collect_iterable(&args[1])?;
    let mut parts = vm.vec_with_capacity(items.len())?;
    let mut exact = sep.has_surrogates();
    for (i, it) in items.iter().enumerate() {
        let part = match it {
            Value::Str(s) => s.clone(),
            other => match vm.builtin_base(other) {
                Some(Value::Str(s)) => s,
                _ => {
                    return Err(vm.type_error(format!(
                        "sequence item {}: expected str instance, {} found",
                        i,
                        vm.type_name(other)
                    )))
                }
            },
        };
        exact |= part.has_surrogates();
        parts.push(part);
    }
    // The whole length first: the result is allocated once, or is a MemoryError.
    let seps = sep
        .as_str()
        .len()
        .checked_mul(parts.len().saturating_sub(1));
    let total = parts
        .iter()
        .try_fold(seps.unwrap_or(usize::MAX), |n, p| {
            n.checked_add(p.as_str().len())
        })
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| vm.overflow_error("join() result is too long for a Python string"))?;
    if exact {
        let mut out = vm.vec_with_capacity(total)?;
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(sep.wtf8());
            }
            out.extend_from_slice(part.wtf8());
        }
        return Ok(Value::from_wtf8(out));
    }
    let mut out = vm.string_with_capacity(total)?;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        out.push_str(part.as_str());
    }
    new(out)
}

impl Vm {
    /// `text * count`: OverflowError past the largest string, MemoryError when
    /// it cannot be held.
    pub fn repeat_str(&self, text: &PyStr, count: usize) -> PyResult<Value> {
        let bytes = text.wtf8();
        if bytes
            .len()
            .checked_mul(count)
            .is_none_or(|n| n > isize::MAX as usize)
        {
            return Err(self.overflow_error("repeated string is too long"));
        }
        let out = self.repeat_items(bytes, count)?;
        if text.has_surrogates() {
            return Ok(Value::from_wtf8(out));
        }
        // SAFETY: copies of a whole UTF-8 string, one after another, are UTF-8.
        let out = unsafe { String::from_utf8_unchecked(out) };
        Ok(Value::from_string(out))
    }
}

fn split_impl(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[KwArg],
    name: &str,
    reverse: bool,
) -> PyResult<Value> {
    let s = text(vm, args, name)?;
    let sep = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kwargs, "sep").cloned())
        .unwrap_or(Value::None);
    let maxsplit = match args.get(2).or_else(|| kwarg(kwargs, "maxsplit")) {
        Some(v) => arg_int(vm, v)?,
        None => -1,
    };
    let text = s.as_str();
    let parts: Vec<String> = match &sep {
        Value::None => {
            let words: Vec<&str> = text.split_whitespace().collect();
            if maxsplit < 0 || (maxsplit as usize) >= words.len() {
                words.into_iter().map(String::from).collect()
            } else if !reverse {
                let mut out: Vec<String> = Vec::new();
                let mut rest = text.trim_start();
                for _ in 0..maxsplit {
                    match rest.find(char::is_whitespace) {
                        Some(p) => {
                            out.push(rest[..p].to_string());
                            rest = rest[p..].trim_start();
                        }
                        None => break,
                    }
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out
            } else {
                let mut out: Vec<String> = Vec::new();
                let mut rest = text.trim_end();
                for _ in 0..maxsplit {
                    match rest.rfind(char::is_whitespace) {
                        Some(p) => {
                            let c = rest[p..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                            out.push(rest[p + c..].to_string());
                            rest = rest[..p].trim_end();
                        }
                        None => break,
                    }
                }
                if !rest.is_empty() {
                    out.push(rest.to_string());
                }
                out.reverse();
                out
            }
        }
        Value::Str(sep) => {
            if sep.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            if maxsplit < 0 {
                text.split(sep.as_str()).map(String::from).collect()
            } else if !reverse {
                text.splitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect()
            } else {
                let mut v: Vec<String> = text
                    .rsplitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect();
                v.reverse();
                v
            }
        }
        other => {
            return Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(other))))
        }
    };
    Ok(Value::list(
        parts.into_iter().map(Value::from_string).collect(),
    ))
}

fn split(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    split_impl(vm, args, kw, "split", false)
}
fn rsplit(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    split_impl(vm, args, kw, "rsplit", true)
}

fn splitlines(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let s = text(vm, args, "splitlines")?;
    let keep = match args.get(1).or_else(|| kwarg(kwargs, "keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let t = s.as_str();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = t.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        let (pos, c) = bytes[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < bytes.len() && bytes[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep {
                &t[start..end]
            } else {
                &t[start..pos]
            }));
            start = end;
        }
        i += 1;
    }
    if start < t.len() {
        out.push(Value::str(&t[start..]));
    }
    Ok(Value::list(out))
}

fn strip_chars(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    check_method_args(vm, name, args, 0, 1)?;
    let s = text(vm, args, name)?;
    let t = s.as_str();
    let r = match args.get(1) {
        None | Some(Value::None) => {
            let t = if left { t.trim_start() } else { t };
            if right {
                t.trim_end()
            } else {
                t
            }
        }
        Some(Value::Str(chars)) => {
            let set: Vec<char> = chars.as_str().chars().collect();
            let t = if left {
                t.trim_start_matches(|c| set.contains(&c))
            } else {
                t
            };
            if right {
                t.trim_end_matches(|c| set.contains(&c))
            } else {
                t
            }
        }
        Some(_) => return Err(vm.type_error(format!("{name} arg must be None or str"))),
    };
    new(r.to_string())
}

fn strip(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    strip_chars(vm, args, "strip", true, true)
}
fn lstrip(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    strip_chars(vm, args, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    strip_chars(vm, args, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "replace", args, 2, 3)?;
    let s = text(vm, args, "replace")?;
    let old = str_arg(vm, &args[1], "replace() argument 1")?;
    let newv = str_arg(vm, &args[2], "replace() argument 2")?;
    let count = match args.get(3).or_else(|| kwarg(kwargs, "count")) {
        Some(v) => arg_int(vm, v)?,
        None => -1,
    };
    let (t, old, newv) = (s.as_str(), old.as_str(), newv.as_str());
    let found = if old.is_empty() {
        s.char_len() + 1
    } else {
        t.matches(old).count()
    };
    let n = if count < 0 {
        found
    } else {
        found.min(count as usize)
    };
    // The result's size first: a replacement a program makes huge is a clean
    // OverflowError or MemoryError, not an abort.
    let size = (newv.len() as u128 * n as u128 + t.len() as u128)
        .checked_sub(old.len() as u128 * n as u128)
        .filter(|&size| size <= isize::MAX as u128)
        .ok_or_else(|| vm.overflow_error("replace string is too long"))?;
    let mut out = vm.string_with_capacity(size as usize)?;
    let mut last = 0;
    for (pos, m) in t.match_indices(old).take(n) {
        out.push_str(&t[last..pos]);
        out.push_str(newv);
        last = pos + m.len();
    }
    out.push_str(&t[last..]);
    new(out)
}

fn affix(vm: &mut Vm, args: &[Value], name: &str, ends: bool) -> PyResult<Value> {
    check_method_args(vm, name, args, 1, 3)?;
    let s = text(vm, args, name)?;
    let (a, b) = bounds(vm, &s, args.get(2), args.get(3))?;
    let hay = if a <= b {
        s.slice_chars(a, b).to_string()
    } else {
        String::new()
    };
    let test = |p: &str| {
        if ends {
            hay.ends_with(p)
        } else {
            hay.starts_with(p)
        }
    };
    match &args[1] {
        Value::Str(p) => Ok(Value::Bool(a <= b && test(p.as_str()))),
        Value::Tuple(t) => {
            for p in t.items.iter() {
                match p {
                    Value::Str(p) => {
                        if a <= b && test(p.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(vm.type_error(format!(
                            "tuple for {} must only contain str, not {}",
                            name,
                            vm.type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(vm.type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            vm.type_name(other)
        ))),
    }
}

fn startswith(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    affix(vm, args, "startswith", false)
}
fn endswith(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    affix(vm, args, "endswith", true)
}

fn map_text(vm: &mut Vm, args: &[Value], name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    check_method_args(vm, name, args, 0, 0)?;
    let s = text(vm, args, name)?;
    new(f(s.as_str()))
}

/// Unicode title case of the characters whose title case differs from upper case
/// (the Latin digraphs); the rest title-case to upper case.
fn to_title(c: char, out: &mut String) {
    match c {
        '\u{1c4}'..='\u{1c6}' => out.push('\u{1c5}'),
        '\u{1c7}'..='\u{1c9}' => out.push('\u{1c8}'),
        '\u{1ca}'..='\u{1cc}' => out.push('\u{1cb}'),
        '\u{1f1}'..='\u{1f3}' => out.push('\u{1f2}'),
        c => out.extend(c.to_uppercase()),
    }
}

fn title_case(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut prev_cased = false;
    for c in t.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            to_title(c, &mut out);
        }
        prev_cased = c.is_alphabetic();
    }
    out
}

fn capitalize_text(t: &str) -> String {
    let mut cs = t.chars();
    let mut out = String::with_capacity(t.len());
    if let Some(f) = cs.next() {
        to_title(f, &mut out);
        out.extend(cs.flat_map(|c| c.to_lowercase()));
    }
    out
}

fn swapcase_text(t: &str) -> String {
    t.chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect::<Vec<_>>()
            }
        })
        .collect()
}

fn upper(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_text(vm, args, "upper", |t| t.to_uppercase())
}
fn lower(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_text(vm, args, "lower", |t| t.to_lowercase())
}
fn title(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_text(vm, args, "title", title_case)
}
fn capitalize(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_text(vm, args, "capitalize", capitalize_text)
}
fn swapcase(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_text(vm, args, "swapcase", swapcase_text)
}

fn predicate(vm: &mut Vm, args: &[Value], name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    check_method_args(vm, name, args, 0, 0)?;
    let s = text(vm, args, name)?;
    Ok(Value::Bool(f(s.as_str())))
}

fn isdigit(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isdigit", |t| {
        !t.is_empty()
            && t.chars().all(|c| {
                c.is_ascii_digit()
                    || matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}'..='\u{2079}')
            })
    })
}
fn isdecimal(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isdecimal", |t| {
        !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
    })
}
fn isnumeric(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isnumeric", |t| {
        !t.is_empty() && t.chars().all(|c| c.is_numeric())
    })
}
fn isalpha(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isalpha", |t| {
        !t.is_empty() && t.chars().all(|c| c.is_alphabetic())
    })
}
fn isalnum(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isalnum", |t| {
        !t.is_empty() && t.chars().all(|c| c.is_alphanumeric())
    })
}
fn isspace(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isspace", |t| {
        !t.is_empty() && t.chars().all(|c| c.is_whitespace())
    })
}
fn isupper(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isupper", |t| {
        t.chars().any(|c| c.is_uppercase()) && !t.chars().any(|c| c.is_lowercase())
    })
}
fn islower(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "islower", |t| {
        t.chars().any(|c| c.is_lowercase()) && !t.chars().any(|c| c.is_uppercase())
    })
}
fn isidentifier(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isidentifier", |t| {
        let mut cs = t.chars();
        matches!(cs.next(), Some(c) if c == '_' || c.is_alphabetic())
            && cs.all(|c| c == '_' || c.is_alphanumeric())
    })
}
fn isascii(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isascii", |t| t.is_ascii())
}
fn isprintable(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "isprintable", |t| {
        t.chars().all(super::repr::is_printable)
    })
}
fn istitle(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    predicate(vm, args, "istitle", |t| {
        let mut prev_cased = false;
        let mut any = false;
        for c in t.chars() {
            if c.is_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

fn pad_impl(vm: &mut Vm, args: &[Value], name: &str, align: char) -> PyResult<Value> {
    check_method_args(vm, name, args, 1, 2)?;
    let s = text(vm, args, name)?;
    let width = super::arg_ssize(vm, &args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(vm.type_error("The fill character must be exactly one character long"))
        }
    };
    let len = s.char_len();
    if width <= len {
        return Ok(Value::Str(s.clone()));
    }
    let total = width - len;
    let (l, r) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's centering puts the odd space on the left when width is odd.
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let bytes = total
        .checked_mul(fill.len_utf8())
        .and_then(|b| b.checked_add(s.as_str().len()))
        .ok_or_else(|| vm.memory_error())?;
    let mut out = vm.string_with_capacity(bytes)?;
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, r));
    new(out)
}

fn ljust(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    pad_impl(vm, args, "ljust", '<')
}
fn rjust(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    pad_impl(vm, args, "rjust", '>')
}
fn center(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    pad_impl(vm, args, "center", '^')
}

fn zfill(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "zfill", args, 1, 1)?;
    let s = text(vm, args, "zfill")?;
    let width = super::arg_ssize(vm, &args[1])?.max(0) as usize;
    let len = s.char_len();
    if width <= len {
        return Ok(Value::Str(s));
    }
    let t = s.as_str();
    let (sign, rest) = match t.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &t[1..]),
        _ => (String::new(), t),
    };
    let mut out = vm.string_with_capacity(width - len + t.len())?;
    out.push_str(&sign);
    out.extend(std::iter::repeat_n('0', width - len));
    out.push_str(rest);
    new(out)
}

fn partition_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    check_method_args(vm, name, args, 1, 1)?;
    let s = text(vm, args, name)?;
    let sep = str_arg(vm, &args[1], "sep")?;
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let t = s.as_str();
    let found = if reverse {
        t.rfind(sep.as_str())
    } else {
        t.find(sep.as_str())
    };
    Ok(match found {
        Some(p) => Value::tuple(vec![
            Value::str(&t[..p]),
            Value::Str(sep.clone()),
            Value::str(&t[p + sep.as_str().len()..]),
        ]),
        None if reverse => {
            Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s.clone())])
        }
        None => Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")]),
    })
}

fn partition(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}
fn rpartition(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn encode(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    use super::bytes_methods::{codec_args, through_library_codecs};
    use super::text_codecs::{Codec, Handler};
    let s = text(vm, args, "encode")?;
    let (encoding, errors) = codec_args(vm, "encode", args, kwargs)?;
    let codec = encoding
        .as_ref()
        .map_or(Some(Codec::Utf8), |e| Codec::named(e.as_str()));
    let handler = errors
        .as_ref()
        .map_or(Some(Handler::Strict), |e| Handler::named(e.as_str()));
    if let (Some(codec), Some(handler)) = (codec, handler) {
        return match super::text_codecs::encode(&s, codec, handler) {
            Ok(data) => Ok(super::bytes::new_bytes(data)),
            Err(e) => Err(vm.unicode_encode_error(codec.name(), &s, &e)),
        };
    }
    let (data, name) = through_library_codecs(vm, "encode", Value::Str(s), (encoding, errors))?;
    if super::bytearray::bytes_like(&data).is_none() || vm.type_name(&data) != "bytes" {
        return Err(vm.type_error(format!(
            "'{}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            name,
            vm.type_name(&data)
        )));
    }
    Ok(data)
}

fn expandtabs(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let s = text(vm, args, "expandtabs")?;
    let size = match args.get(1).or_else(|| kwarg(kwargs, "tabsize")) {
        Some(v) => arg_int(vm, v)?,
        None => 8,
    };
    if i32::try_from(size).is_err() {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.try_reserve(n as usize).map_err(|_| vm.memory_error())?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    new(out)
}

fn str_format(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let s = text(vm, args, "format")?;
    super::format::str_dot_format(vm, s.as_str(), &args[1..], NamedFields::Keywords(kwargs))
}

fn format_map(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "format_map", args, 1, 1)?;
    let s = text(vm, args, "format_map")?;
    super::format::str_dot_format(vm, s.as_str(), &[], NamedFields::Mapping(&args[1]))
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points,
/// strings or None.
fn maketrans(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    if args.is_empty() || args.len() > 3 {
        let problem = if args.is_empty() {
            "at least 1 argument"
        } else {
            "at most 3 arguments"
        };
        return Err(vm.type_error(format!("maketrans expected {problem}, got {}", args.len())));
    }
    let table = Dict::new_rc();
    if args.len() == 1 {
        let Value::Dict(source) = &args[0] else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        for (key, value) in source.items() {
            let key = match &key {
                Value::Int(_) => key.clone(),
                Value::Str(k) => {
                    let mut chars = k.as_str().chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                    }
                }
                _ => {
                    return Err(vm.type_error("keys in translate table must be strings or integers"))
                }
            };
            vm.dict_set(&table, key, value)?;
        }
        return Ok(Value::Dict(table));
    }
    let Value::Str(from) = &args[0] else {
        return Err(vm.type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let to = str_arg(vm, &args[1], "maketrans() argument 2")?;
    if from.as_str().chars().count() != to.as_str().chars().count() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.as_str().chars().zip(to.as_str().chars()) {
        vm.dict_set(&table, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(deleted) = args.get(2) {
        let deleted = str_arg(vm, deleted, "maketrans() argument 3")?;
        for c in deleted.as_str().chars() {
            vm.dict_set(&table, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Dict(table))
}

/// `s.translate(table)`: each character is looked up by code point; a
/// LookupError keeps it, None deletes it.
fn translate(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "translate", args, 1, 1)?;
    let s = text(vm, args, "translate")?;
    let table = &args[1];
    let lookup_error = vm.types.lookup_error.clone();
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let mapped = match vm.getitem(table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if vm.err_matches(&e, &lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &mapped {
            Value::None => {}
            Value::Str(t) => out.push_str(t.as_str()),
            Value::Int(n) => match u32::try_from(*n).ok().and_then(char::from_u32) {
                Some(m) => out.push(m),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            _ => return Err(vm.type_error("character mapping must return integer, None or str")),
        }
    }
    new(out)
}

fn casefold(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    map_text(vm, args, "casefold", |t| {
        t.chars()
            .flat_map(|c| match c {
                'ß' => "ss".chars().collect::<Vec<_>>(),
                'ς' => vec!['σ'],
                c => c.to_lowercase().collect(),
            })
            .collect()
    })
}

/// `fmt % args`, exact for text with lone surrogates.
pub fn percent(vm: &mut Vm, fmt: &Rc<PyStr>, args: &Value) -> PyResult<Value> {
    use super::str_surrogates::{holds_surrogates, through_private_use};
    if fmt.has_surrogates() || holds_surrogates(vm, args) {
        return through_private_use(vm, &[Value::Str(fmt.clone()), args.clone()], &[], str_mod);
    }
    super::format::percent_format(vm, fmt.as_str(), args)
}

fn str_mod(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__mod__", args, 1, 1)?;
    let s = text(vm, args, "__mod__")?;
    super::format::percent_format(vm, s.as_str(), &args[1])
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "removeprefix", args, 1, 1)?;
    let s = text(vm, args, "removeprefix")?;
    let p = str_arg(vm, &args[1], "removeprefix() argument")?;
    new(s
        .as_str()
        .strip_prefix(p.as_str())
        .unwrap_or(s.as_str())
        .to_string())
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "removesuffix", args, 1, 1)?;
    let s = text(vm, args, "removesuffix")?;
    let p = str_arg(vm, &args[1], "removesuffix() argument")?;
    new(s
        .as_str()
        .strip_suffix(p.as_str())
        .unwrap_or(s.as_str())
        .to_string())
}

/// The method `f`, made exact for text with lone surrogates
/// (`str_surrogates::through_private_use`).
macro_rules! exact {
    ($f:ident) => {{
        fn method(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
            super::str_surrogates::through_private_use(vm, args, kw, $f)
        }
        method as crate::object::NativeFn
    }};
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.str.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("join", join),
        ("split", exact!(split)),
        ("rsplit", exact!(rsplit)),
        ("splitlines", exact!(splitlines)),
        ("strip", exact!(strip)),
        ("lstrip", exact!(lstrip)),
        ("rstrip", exact!(rstrip)),
        ("replace", exact!(replace)),
        ("startswith", exact!(startswith)),
        ("endswith", exact!(endswith)),
        ("upper", exact!(upper)),
        ("lower", exact!(lower)),
        ("title", exact!(title)),
        ("capitalize", exact!(capitalize)),
        ("swapcase", exact!(swapcase)),
        ("isdigit", exact!(isdigit)),
        ("isdecimal", exact!(isdecimal)),
        ("isnumeric", exact!(isnumeric)),
        ("isalpha", exact!(isalpha)),
        ("isalnum", exact!(isalnum)),
        ("isspace", exact!(isspace)),
        ("isupper", exact!(isupper)),
        ("islower", exact!(islower)),
        ("isidentifier", exact!(isidentifier)),
        ("istitle", exact!(istitle)),
        ("ljust", exact!(ljust)),
        ("rjust", exact!(rjust)),
        ("center", exact!(center)),
        ("zfill", exact!(zfill)),
        ("partition", exact!(partition)),
        ("rpartition", exact!(rpartition)),
        ("encode", encode),
        ("expandtabs", exact!(expandtabs)),
        ("format", exact!(str_format)),
        ("__mod__", exact!(str_mod)),
        ("removeprefix", exact!(removeprefix)),
        ("removesuffix", exact!(removesuffix)),
        ("format_map", exact!(format_map)),
        ("translate", translate),
        ("casefold", exact!(casefold)),
        ("isascii", isascii),
        ("isprintable", exact!(isprintable)),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
    let maketrans = Value::Builtin(Rc::new(crate::object::Builtin {
        name: "maketrans",
        func: maketrans,
        bound: None,
        kind: crate::object::function::BuiltinKind::Function,
        owner: "str",
        weakrefs: Default::default(),
    }));
    let name = vm.intern("maketrans");
    t.dict.set_str(
        name,
        Value::obj(
            vm.types.staticmethod.clone(),
            ObjKind::StaticMethod(maketrans),
        ),
    );
}
