//! The methods that turn numbers into bytes or hex text and back:
//! `int.to_bytes`, `int.from_bytes`, `float.hex`, `float.fromhex`.
//!
//! The arithmetic lives in `object::float` and num-bigint; this module parses
//! the arguments and raises CPython's errors.

use super::bytes::new_bytes;
use super::{kwarg, only_kwargs};
use crate::object::function::KwArg;
use crate::object::{bigint, float, ObjKind, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

/// Positional-or-keyword arguments `names` of `fname`, the first `required`
/// of them required, the rest defaulting to None.
fn arguments(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kw: &[KwArg],
    names: &[&str],
    positional: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    if args.len() > positional {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {positional} positional arguments ({} given)",
            args.len()
        )));
    }
    only_kwargs(vm, fname, kw, names)?;
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        let by_keyword = kwarg(kw, name);
        if by_keyword.is_some() && i < args.len() {
            return Err(vm.type_error(format!(
                "argument for {fname}() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
        let v = args.get(i).or(by_keyword).cloned();
        if v.is_none() && i < required {
            return Err(vm.type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
        out.push(v);
    }
    Ok(out)
}

/// True for byteorder 'little', false for 'big' (the default).
fn little_endian(vm: &Vm, fname: &str, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn signed_flag(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => vm.truthy(v),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let this = vm.builtin_base(&args[0]).unwrap_or_else(|| args[0].clone());
    let Some(n) = crate::vm::ops::as_int(&this).map(|i| i.to_big()) else {
        return Err(vm.type_error("descriptor 'to_bytes' requires an 'int' object"));
    };
    let a = arguments(
        vm,
        "to_bytes",
        &args[1..],
        kw,
        &["length", "byteorder", "signed"],
        2,
        0,
    )?;
    let length = match &a[0] {
        None => 1,
        Some(v) => {
            let big = crate::modules::math::index_big(vm, v)?;
            let Some(len) = big.to_i64() else {
                return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
            };
            if len < 0 {
                return Err(vm.value_error("length argument must be non-negative"));
            }
            len as u64
        }
    };
    let little = little_endian(vm, "to_bytes", a[1].as_ref())?;
    let signed = signed_flag(vm, a[2].as_ref())?;
    if n.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    // Two's complement, least significant byte first.
    let mut bytes = n.to_signed_bytes_le();
    let fill = if n.is_negative() { 0xff } else { 0 };
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        // The sign byte an unsigned number does not need.
        bytes.pop();
    }
    // Zero needs no bytes; so does -1 when signed, all of it sign extension.
    if n.sign() == Sign::NoSign || (n.is_negative() && bytes == [0xff]) {
        bytes.clear();
    }
    if bytes.len() as u64 > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    // The length is the program's: a size the machine cannot hold is MemoryError.
    let extra = (length as usize).saturating_sub(bytes.len());
    if bytes.try_reserve_exact(extra).is_err() {
        return Err(vm.memory_error());
    }
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    Ok(new_bytes(bytes))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a classmethod.
fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let cls = args[0].clone();
    let a = arguments(
        vm,
        "from_bytes",
        &args[1..],
        kw,
        &["bytes", "byteorder", "signed"],
        2,
        1,
    )?;
    let source = a[0].clone().unwrap_or(Value::None);
    let data = bytes_of(vm, &source)?;
    let little = little_endian(vm, "from_bytes", a[1].as_ref())?;
    let signed = signed_flag(vm, a[2].as_ref())?;
    let n = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_le(Sign::Plus, &data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (false, false) => BigInt::from_bytes_be(Sign::Plus, &data),
    };
    let value = bigint::normalize(n);
    match &cls {
        Value::Type(t) if std::rc::Rc::ptr_eq(t, &vm.types.int) => Ok(value),
        _ => vm.call(&cls, &[value], &[]),
    }
}

/// The bytes of a bytes object, or of `bytes(v)` for anything else.
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Obj(o) = v {
        if let ObjKind::Bytes(b) = &o.kind {
            return Ok(b.to_vec());
        }
    }
    if matches!(v, Value::Str(_) | Value::Int(_) | Value::BigInt(_)) {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(v)
        )));
    }
    let bytes_type = Value::Type(crate::vm::builtin_types::bytes_type());
    let converted = vm.call(&bytes_type, std::slice::from_ref(v), &[])?;
    match &converted {
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) => Ok(b.to_vec()),
            _ => Err(vm.type_error("cannot convert object to bytes")),
        },
        _ => Err(vm.type_error("cannot convert object to bytes")),
    }
}

fn float_hex(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let Some(Value::Float(f)) = vm.builtin_base(&args[0]).or_else(|| Some(args[0].clone())) else {
        return Err(vm.type_error("descriptor 'hex' requires a 'float' object"));
    };
    Ok(Value::from_string(float::to_hex(f)))
}

/// `float.fromhex(text)`, a classmethod.
fn float_fromhex(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    super::no_kwargs(vm, "fromhex", kw)?;
    super::check_method_args(vm, "fromhex", args, 1, 1)?;
    let Value::Str(text) = &args[1] else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let f = float::from_hex(text.as_str())
        .ok_or_else(|| vm.value_error("invalid hexadecimal floating-point string"))?;
    if f.is_infinite() && !text.as_str().to_ascii_lowercase().contains("inf") {
        return Err(vm.overflow_error("hexadecimal value too large to represent as a float"));
    }
    let cls = args[0].clone();
    match &cls {
        Value::Type(t) if std::rc::Rc::ptr_eq(t, &vm.types.float) => Ok(Value::Float(f)),
        _ => vm.call(&cls, &[Value::Float(f)], &[]),
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.types;
    for ty in [&t.int, &t.bool_] {
        super::add_method(vm, ty, "to_bytes", int_to_bytes);
    }
    super::add_classmethod(vm, &t.int, "from_bytes", int_from_bytes);
    super::add_method(vm, &t.float, "hex", float_hex);
    super::add_classmethod(vm, &t.float, "fromhex", float_fromhex);
}
