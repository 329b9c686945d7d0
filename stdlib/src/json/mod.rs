//! `_json_engine`: the native parts of `_json` (`py/_json.py` holds the Scanner and
//! Encoder classes CPython's json package makes with `make_scanner` and
//! `make_encoder`): `scanstring`, the scan of one value, the encoding of one object
//! and the two string escapers. Depends on core's public API.

mod decode;
mod encode;

use decode::{Context, Decoder, Fail};
use encode::{escape_into, is_native, Encoder, Settings};
use tripwire_core::builtins::{add_function, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, PyStr, Value};
use tripwire_core::{PyResult, Vm};

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_json", "scanstring", scanstring);
    add_function(vm, d, "_json", "scan", scan);
    add_function(vm, d, "_json", "encode", encode);
    add_function(vm, d, "_json", "encode_basestring", encode_basestring);
    add_function(
        vm,
        d,
        "_json",
        "encode_basestring_ascii",
        encode_basestring_ascii,
    );
    Ok(())
}

/// The str a function takes first, or CPython's TypeError.
fn first_str(vm: &Vm, v: &Value) -> PyResult<std::rc::Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => match vm.builtin_base(v) {
            Some(Value::Str(s)) => Ok(s),
            _ => Err(vm.type_error(format!(
                "first argument must be a string, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

fn escaped(vm: &mut Vm, args: &[Value], kw: &[KwArg], name: &str, ascii: bool) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    check_args(vm, name, args, 1, 1)?;
    let s = first_str(vm, &args[0])?;
    let mut out = Vec::with_capacity(s.wtf8().len() + 2);
    escape_into(&mut out, &s, ascii);
    Ok(Value::from_wtf8(out))
}

/// `encode_basestring(s)`: the JSON literal of `s`, non-ASCII characters as they are.
fn encode_basestring(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    escaped(vm, args, kw, "encode_basestring", false)
}

/// `encode_basestring_ascii(s)`: the JSON literal of `s` in ASCII.
fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    escaped(vm, args, kw, "encode_basestring_ascii", true)
}

/// A position argument as a code-point index, or CPython's ValueError.
fn index_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            vm.type_name(v)
        ))),
    }
}

/// The value of a finished scan as CPython returns it: (value, end index).
fn finish(vm: &mut Vm, doc: &PyStr, r: Result<(Value, usize), Fail>) -> PyResult<Value> {
    match r {
        Ok((v, end)) => Ok(Value::tuple(vec![
            v,
            Value::Int(doc.char_index_of_byte(end) as i64),
        ])),
        Err(Fail::Stop(at)) => {
            Err(vm.stop_iteration(Value::Int(doc.char_index_of_byte(at) as i64)))
        }
        Err(Fail::Err(e)) => Err(e),
    }
}

/// `scanstring(s, end, strict, error)`: the string whose text starts at index `end`.
fn scanstring(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "scanstring", args, 4, 4)?;
    let doc = first_str(vm, &args[0])?;
    let end = index_arg(vm, &args[1], "")?;
    if end < 0 || end as usize > doc.char_len() {
        return Err(vm.value_error("end is out of bounds"));
    }
    let ctx = Context {
        strict: vm.truthy(&args[2])?,
        object_hook: Value::None,
        object_pairs_hook: Value::None,
        parse_float: Value::None,
        parse_int: Value::None,
        parse_constant: Value::None,
        error: args[3].clone(),
    };
    let decoder = Decoder {
        doc: &doc,
        ctx: &ctx,
        memo: Dict::new_rc(),
    };
    let begin = doc.byte_offset(end as usize);
    let r = decoder.string(vm, begin);
    finish(vm, &doc, r)
}

/// `scan(s, idx, strict, object_hook, object_pairs_hook, parse_float, parse_int,
/// parse_constant, error)`: the value at index `idx` and the index after it, or
/// StopIteration(idx) where no value starts.
fn scan(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "scan", args, 9, 9)?;
    let doc = match &args[0] {
        Value::Str(s) => s.clone(),
        v => match vm.builtin_base(v) {
            Some(Value::Str(s)) => s,
            _ => {
                return Err(vm.type_error(format!(
                    "first argument must be a string, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let idx = index_arg(vm, &args[1], "")?;
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    if idx as usize >= doc.char_len() {
        return Err(vm.stop_iteration(Value::Int(idx)));
    }
    let ctx = Context {
        strict: vm.truthy(&args[2])?,
        object_hook: args[3].clone(),
        object_pairs_hook: args[4].clone(),
        parse_float: args[5].clone(),
        parse_int: args[6].clone(),
        parse_constant: args[7].clone(),
        error: args[8].clone(),
    };
    let decoder = Decoder {
        doc: &doc,
        ctx: &ctx,
        memo: Dict::new_rc(),
    };
    let r = decoder.scan(vm, doc.byte_offset(idx as usize));
    finish(vm, &doc, r)
}

fn str_setting(vm: &Vm, v: &Value, n: usize) -> PyResult<std::rc::Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(vm.type_error(format!(
            "make_encoder() argument {n} must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// `encode(obj, level, markers, default, encoder, indent, key_separator,
/// item_separator, sort_keys, skipkeys, allow_nan)`: the JSON text of `obj`.
fn encode(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "encode", args, 11, 11)?;
    let markers = match &args[2] {
        Value::None => None,
        Value::Dict(d) => Some(d.clone()),
        v => {
            return Err(vm.type_error(format!(
                "make_encoder() argument 1 must be dict or None, not {}",
                vm.type_name(v)
            )))
        }
    };
    let indent = match &args[5] {
        Value::None => None,
        Value::Str(s) => Some(s.clone()),
        v => {
            return Err(vm.type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                vm.type_name(v)
            )))
        }
    };
    let encoder = args[4].clone();
    let native_escape = if is_native(&encoder, encode_basestring_ascii) {
        Some(true)
    } else if is_native(&encoder, encode_basestring) {
        Some(false)
    } else {
        None
    };
    let settings = Settings {
        markers,
        default: args[3].clone(),
        encoder,
        native_escape,
        indent,
        key_separator: str_setting(vm, &args[6], 5)?,
        item_separator: str_setting(vm, &args[7], 6)?,
        sort_keys: vm.truthy(&args[8])?,
        skipkeys: vm.truthy(&args[9])?,
        allow_nan: vm.truthy(&args[10])?,
    };
    let level = index_arg(vm, &args[1], "")?;
    let mut e = Encoder {
        settings: &settings,
        out: Vec::new(),
        level,
    };
    e.value(vm, &args[0])?;
    Ok(Value::from_wtf8(e.out))
}
