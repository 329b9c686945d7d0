//! `format(value, spec)` dispatch and printf-style `%` formatting of str, bytes and
//! bytearray.

use super::format_spec::{self, Spec};
use crate::object::{ObjKind, PyStr, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use std::rc::Rc;

/// `format(v, spec)`: `__format__` for user types, the mini-language for built-ins.
pub fn format_value(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Rc<PyStr>> {
    if let Value::Instance(_) = v {
        let name = vm.names.d_format.clone();
        if let Some(m) = vm.type_of(v).lookup(&name) {
            if !matches!(m, Value::Builtin(_)) {
                let r = vm.call_method_value(m, v, &[Value::str(spec)])?;
                return match r {
                    Value::Str(s) => Ok(s),
                    other => Err(vm.type_error(format!(
                        "__format__ must return a str, not {}",
                        vm.type_name(&other)
                    ))),
                };
            }
        }
        if let Some(b) = vm.builtin_base(v) {
            if !spec.is_empty() {
                return format_value(vm, &b, spec);
            }
        }
    }
    if spec.is_empty() {
        return vm.to_str(v);
    }
    if let Value::Str(s) = v {
        if s.has_surrogates() {
            return super::str_surrogates::format_str(vm, s, spec);
        }
    }
    let type_name = vm.type_name(v);
    let parsed = format_spec::parse(spec).map_err(|e| spec_error(vm, &e, &type_name))?;
    let out = match v {
        Value::Int(i) => format_spec::format_int(&BigInt::from(*i), &parsed),
        Value::BigInt(b) => format_spec::format_int(b, &parsed),
        Value::Bool(b) => {
            if parsed.ty.is_none() {
                let text = if *b { "True" } else { "False" };
                format_spec::format_str(text, &parsed)
            } else {
                format_spec::format_int(&BigInt::from(*b as i64), &parsed)
            }
        }
        Value::Float(f) => format_spec::format_float(*f, &parsed),
        Value::Str(s) => format_spec::format_str(s.as_str(), &parsed),
        Value::Obj(o) if matches!(o.kind, ObjKind::Complex(..)) => {
            let c = super::complex::as_complex(v).unwrap_or(super::complex::C { re: 0.0, im: 0.0 });
            super::complex::format(c, &parsed)
        }
        _ => {
            return Err(vm.type_error(format!(
                "unsupported format string passed to {}.__format__",
                type_name
            )))
        }
    };
    match out {
        Ok(s) => Ok(Rc::new(PyStr::from_string(s))),
        Err(e) => Err(spec_error(vm, &e, &type_name)),
    }
}

/// The Python exception for a format-spec error.
fn spec_error(vm: &Vm, e: &format_spec::SpecError, type_name: &str) -> crate::vm::PyErr {
    let cls = match e.kind() {
        format_spec::ErrorKind::ValueError => vm.types.value_error.clone(),
        format_spec::ErrorKind::OverflowError => vm.types.overflow_error.clone(),
        format_spec::ErrorKind::MemoryError => vm.types.memory_error.clone(),
    };
    vm.new_error(&cls, &e.message(type_name))
}

/// `fmt % args`.
/// The commonest `%` conversions, with no flags, width or precision — `%s` of a str
/// or an int, `%d` / `%i` / `%u` of an int — written straight out (what the general
/// path would produce, without building a format spec). False for anything else.
fn write_plain_conversion(out: &mut String, conv: char, arg: &Value) -> bool {
    use std::fmt::Write;
    match (conv, arg) {
        ('s', Value::Str(s)) => out.push_str(s.as_str()),
        ('s' | 'd' | 'i' | 'u', Value::Int(n)) => {
            // Writing to a String cannot fail.
            let _ = write!(out, "{n}");
        }
        _ => return false,
    }
    true
}

/// What `%` formats: text, or bytes (whose format and result are held here as
/// Latin-1 text, one char per byte).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Text,
    Bytes,
}

/// `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    format_percent(vm, fmt, args, Target::Text).map(Value::from_string)
}

/// `bytes % args` and `bytearray % args`: the formatted bytes.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let text = format_percent(vm, &latin1_text(fmt), args, Target::Bytes)?;
    // Every char is one the bytes conversions produced: U+0000..U+00FF.
    Ok(latin1_bytes(&text))
}

fn latin1_bytes(text: &str) -> Vec<u8> {
    text.chars().map(|c| c as u32 as u8).collect()
}

fn latin1_text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The bytes `%s` / `%b` insert: a bytes-like object's, or what its `__bytes__` gives.
fn bytes_of_argument(vm: &mut Vm, arg: &Value) -> PyResult<Vec<u8>> {
    if let Some(bytes) = super::bytearray::bytes_like(arg) {
        return Ok(bytes);
    }
    let name = vm.intern("__bytes__");
    if let Some(m) = vm.type_of(arg).lookup(&name) {
        let r = vm.call_method_value(m, arg, &[])?;
        return match &r {
            Value::Obj(o) if matches!(o.kind, ObjKind::Bytes(_)) => {
                Ok(super::bytearray::bytes_like(&r).unwrap_or_default())
            }
            _ => Err(vm.type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(arg)
    )))
}

/// The byte `%c` of bytes inserts: an int in range(256) or a single byte.
fn byte_of_argument(vm: &mut Vm, arg: &Value) -> PyResult<u8> {
    if let Some(bytes) = super::bytearray::bytes_like(arg).filter(|_| !is_memoryview(arg)) {
        if let [b] = bytes[..] {
            return Ok(b);
        }
    } else if matches!(arg, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        || vm.type_of(arg).lookup(&vm.names.d_index.clone()).is_some()
    {
        let n = crate::builtins::types::to_int(vm, arg)?;
        return match n {
            Value::Int(i) if (0..256).contains(&i) => Ok(i as u8),
            _ => Err(vm.overflow_error("%c arg not in range(256)")),
        };
    }
    Err(vm.type_error("%c requires an integer in range(256) or a single byte"))
}

fn is_memoryview(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::MemoryView(_)))
}

fn format_percent(vm: &mut Vm, fmt: &str, args: &Value, target: Target) -> PyResult<String> {
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.items.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        other => (vec![other.clone()], None),
    };
    let mut out = String::new();
    let mut next = 0usize;
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let mut key_value: Option<Value> = None;
        if chars[i] == '(' {
            let start = i + 1;
            let mut depth = 1;
            let mut j = start;
            while j < chars.len() && depth > 0 {
                if chars[j] == '(' {
                    depth += 1;
                } else if chars[j] == ')' {
                    depth -= 1;
                }
                j += 1;
            }
            let key: String = chars[start..j - 1].iter().collect();
            let Some(m) = &mapping else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let key = match target {
                Target::Text => Value::str(&key),
                Target::Bytes => super::bytes::new_bytes(latin1_bytes(&key)),
            };
            key_value = Some(vm.getitem(m, &key)?);
            used_mapping = true;
            i = j;
        }
        let mut flags = String::new();
        while i < chars.len() && "-+ #0".contains(chars[i]) {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width = String::new();
        if i < chars.len() && chars[i] == '*' {
            let w = items.get(next).cloned().unwrap_or(Value::None);
            next += 1;
            width = super::arg_int(vm, &w)?.to_string();
            i += 1;
        } else {
            while i < chars.len() && chars[i].is_ascii_digit() {
                width.push(chars[i]);
                i += 1;
            }
        }
        let mut precision: Option<String> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = String::new();
            if i < chars.len() && chars[i] == '*' {
                let w = items.get(next).cloned().unwrap_or(Value::None);
                next += 1;
                p = super::arg_int(vm, &w)?.to_string();
                i += 1;
            } else {
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p.push(chars[i]);
                    i += 1;
                }
            }
            precision = Some(if p.is_empty() { "0".into() } else { p });
        }
        while i < chars.len() && "hlL".contains(chars[i]) {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = match key_value.take() {
            Some(v) => v,
            None => {
                if mapping.is_some() && items.len() == 1 && next == 0 && !used_mapping {
                    next += 1;
                    items[0].clone()
                } else {
                    match items.get(next) {
                        Some(v) => {
                            next += 1;
                            v.clone()
                        }
                        None => return Err(vm.type_error("not enough arguments for format string")),
                    }
                }
            }
        };
        if flags.is_empty()
            && width.is_empty()
            && precision.is_none()
            && target == Target::Text
            && write_plain_conversion(&mut out, conv, &arg)
        {
            continue;
        }
        let left = flags.contains('-');
        let align = if left { "<" } else { "" };
        let text = match (conv, target) {
            ('s' | 'r' | 'a', _) | ('b', Target::Bytes) => {
                let t = match (conv, target) {
                    ('s' | 'b', Target::Bytes) => latin1_text(&bytes_of_argument(vm, &arg)?),
                    (_, Target::Bytes) => vm.ascii(&arg)?.as_str().to_string(),
                    ('s', _) => vm.to_str(&arg)?.as_str().to_string(),
                    ('r', _) => vm
                        .repr(&super::str_surrogates::original(&arg))?
                        .as_str()
                        .to_string(),
                    _ => vm
                        .ascii(&super::str_surrogates::original(&arg))?
                        .as_str()
                        .to_string(),
                };
                let mut t = t;
                if let Some(p) = &precision {
                    let n: usize = p.parse().unwrap_or(0);
                    t = t.chars().take(n).collect();
                }
                let spec = format!("{}{}", if left { "<" } else { ">" }, width);
                pad_with(vm, &t, &spec)?
            }
            ('c', Target::Bytes) => {
                let byte = char::from(byte_of_argument(vm, &arg)?);
                let spec = format!("{}{}", if left { "<" } else { ">" }, width);
                pad_with(vm, &byte.to_string(), &spec)?
            }
            ('d' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'c', _) => {
                let numeric = match conv {
                    'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                        let v = match &arg {
                            Value::Float(f) if matches!(conv, 'd' | 'i' | 'u') => {
                                crate::builtins::types::float_to_int(vm, *f)?
                            }
                            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => arg.clone(),
                            other => {
                                let intname = vm.names.d_int.clone();
                                let idx = vm.names.d_index.clone();
                                let t = vm.type_of(other);
                                let decimal = matches!(conv, 'd' | 'i' | 'u');
                                if t.lookup(&idx).is_some()
                                    || (decimal && t.lookup(&intname).is_some())
                                {
                                    crate::builtins::types::to_int(vm, other)?
                                } else {
                                    return Err(vm.type_error(format!(
                                        "%{} format: {} is required, not {}",
                                        conv,
                                        if decimal {
                                            "a real number"
                                        } else {
                                            "an integer"
                                        },
                                        vm.type_name(other)
                                    )));
                                }
                            }
                        };
                        v
                    }
                    'c' => arg.clone(),
                    _ => {
                        let f = match &arg {
                            Value::Float(f) => *f,
                            Value::Int(i) => *i as f64,
                            Value::Bool(b) => *b as i64 as f64,
                            Value::BigInt(_) => crate::builtins::types::to_float(vm, &arg)?,
                            other => {
                                return Err(vm.type_error(format!(
                                    "must be real number, not {}",
                                    vm.type_name(other)
                                )))
                            }
                        };
                        Value::Float(f)
                    }
                };
                if conv == 'c' {
                    let ch = match &numeric {
                        Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                        Value::Int(n) => char::from_u32(*n as u32)
                            .map(|c| c.to_string())
                            .unwrap_or_default(),
                        _ => return Err(vm.type_error(
                            "%c requires an int or a unicode character, not a string of length 2",
                        )),
                    };
                    let spec = format!("{}{}", if left { "<" } else { ">" }, width);
                    pad_with(vm, &ch, &spec)?
                } else {
                    let ty = match conv {
                        'i' | 'u' => 'd',
                        c => c,
                    };
                    let mut spec = String::new();
                    if !left && flags.contains('0') {
                        spec.push('0');
                    }
                    let spec = format!(
                        "{}{}{}{}{}{}{}",
                        align,
                        if flags.contains('+') {
                            "+"
                        } else if flags.contains(' ') {
                            " "
                        } else {
                            ""
                        },
                        if flags.contains('#') { "#" } else { "" },
                        spec,
                        width,
                        precision
                            .as_ref()
                            .map(|p| format!(".{p}"))
                            .unwrap_or_default(),
                        ty
                    );
                    let spec = if matches!(ty, 'd' | 'x' | 'X' | 'o') {
                        spec.replace(&format!(".{}", precision.clone().unwrap_or_default()), "")
                    } else {
                        spec
                    };
                    let r = format_value(vm, &numeric, &spec)?;
                    let mut t = r.as_str().to_string();
                    if let (Some(p), true) = (&precision, matches!(ty, 'd' | 'x' | 'X' | 'o')) {
                        let n: usize = p.parse().unwrap_or(0);
                        let neg = t.starts_with('-');
                        let digits = t.trim_start_matches('-').trim_start().to_string();
                        if digits.len() < n {
                            t = format!(
                                "{}{}{}",
                                if neg { "-" } else { "" },
                                "0".repeat(n - digits.len()),
                                digits
                            );
                            let spec = format!("{}{}", if left { "<" } else { ">" }, width);
                            t = pad_with(vm, &t, &spec)?;
                        }
                    }
                    t
                }
            }
            (other, _) => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    other,
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&text);
    }
    if next < items.len() && mapping.is_none() {
        return Err(vm.type_error(match target {
            Target::Text => "not all arguments converted during string formatting",
            Target::Bytes => "not all arguments converted during bytes formatting",
        }));
    }
    Ok(out)
}

fn pad_with(vm: &mut Vm, text: &str, spec: &str) -> PyResult<String> {
    let parsed: Spec = format_spec::parse(spec).map_err(|e| spec_error(vm, &e, "str"))?;
    format_spec::format_str(text, &parsed).map_err(|e| spec_error(vm, &e, "str"))
}

/// Is the value a bytes object?
pub fn is_bytes(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::Bytes(_)))
}

/// Where `str.format` looks up named fields: the call's keyword arguments,
/// or the mapping given to `str.format_map`.
#[derive(Clone, Copy)]
pub enum NamedFields<'a> {
    Keywords(&'a [crate::object::function::KwArg]),
    Mapping(&'a Value),
}

/// `str.format(*args, **kwargs)` and `str.format_map(mapping)`.
pub fn str_dot_format(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    named: NamedFields,
) -> PyResult<Value> {
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    let mut manual = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // Find the matching close brace, allowing one level of nesting in the spec.
        let mut depth = 1;
        let mut j = i + 1;
        while j < chars.len() && depth > 0 {
            match chars[j] {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        if depth > 0 {
            let msg = if chars[i + 1..].contains(&'}') {
                "expected '}' before end of string"
            } else {
                "Single '{' encountered in format string"
            };
            return Err(vm.value_error(msg));
        }
        let field: String = chars[i + 1..j - 1].iter().collect();
        i = j;
        let (head, spec) = match field.find(':') {
            Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
            None => (field.clone(), String::new()),
        };
        let (name, conv) = match head.find('!') {
            Some(p) => (head[..p].to_string(), head[p + 1..].chars().next()),
            None => (head, None),
        };
        // The first component: an index, a keyword, or empty (automatic numbering).
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut value = if first.is_empty() {
            if manual {
                return Err(vm.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let v = args.get(auto).cloned();
            auto += 1;
            match v {
                Some(v) => v,
                None => {
                    return Err(vm.index_error(format!(
                        "Replacement index {} out of range for positional args tuple",
                        auto - 1
                    )))
                }
            }
        } else if let Ok(n) = first.parse::<usize>() {
            manual = true;
            match args.get(n) {
                Some(v) => v.clone(),
                None => {
                    return Err(vm.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    )))
                }
            }
        } else {
            match named {
                NamedFields::Keywords(kwargs) => match super::kwarg(kwargs, first) {
                    Some(v) => v.clone(),
                    None => return Err(vm.key_error(Value::str(first))),
                },
                NamedFields::Mapping(mapping) => vm.getitem(mapping, &Value::str(first))?,
            }
        };
        let mut rest = &name[first_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let attr = vm.intern(&r[..end]);
                value = vm.get_attr(&value, &attr)?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']').unwrap_or(r.len());
                let key = &r[..end];
                let k = match key.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::str(key),
                };
                value = vm.getitem(&value, &k)?;
                rest = r.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        let value = match conv {
            Some('r') => Value::Str(vm.repr(&super::str_surrogates::original(&value))?),
            Some('s') => Value::Str(vm.to_str(&value)?),
            Some('a') => Value::Str(vm.ascii(&super::str_surrogates::original(&value))?),
            Some(other) => {
                return Err(vm.value_error(format!("Unknown conversion specifier {other}")))
            }
            None => value,
        };
        let spec = if spec.contains('{') {
            match str_dot_format(vm, &spec, args, named)? {
                Value::Str(s) => s.as_str().to_string(),
                _ => spec,
            }
        } else {
            spec
        };
        out.push_str(format_value(vm, &value, &spec)?.as_str());
    }
    Ok(Value::from_string(out))
}
