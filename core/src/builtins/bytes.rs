//! `bytes`: construction, decoding and the basic methods.

use super::{add_method, arg_int, check_args};
use crate::object::function::KwArg;
use crate::object::{ObjKind, Value};
use crate::vm::{PyResult, Vm};

pub fn new_bytes(b: Vec<u8>) -> Value {
    Value::obj(
        crate::vm::builtin_types::bytes_type(),
        ObjKind::Bytes(b.into_boxed_slice()),
    )
}

fn data(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) => Ok(b.to_vec()),
            _ => Err(vm.type_error("a bytes-like object is required")),
        },
        _ => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn bytes_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let a = &args[1..];
    match a.first() {
        None => Ok(new_bytes(Vec::new())),
        Some(Value::Str(s)) => {
            if a.len() < 2 {
                return Err(vm.type_error("string argument without an encoding"));
            }
            Ok(new_bytes(s.as_str().as_bytes().to_vec()))
        }
        Some(Value::Int(n)) => {
            if *n < 0 {
                return Err(vm.value_error("negative count"));
            }
            Ok(new_bytes(vec![0; *n as usize]))
        }
        Some(v @ Value::Obj(o)) if matches!(o.kind, ObjKind::Bytes(_)) => Ok(v.clone()),
        Some(v) => {
            let items = vm.collect_iterable(v)?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let i = arg_int(vm, &it)?;
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("bytes must be in range(0, 256)"));
                }
                out.push(i as u8);
            }
            Ok(new_bytes(out))
        }
    }
}

fn decode(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let b = data(vm, &args[0])?;
    match String::from_utf8(b) {
        Ok(s) => Ok(Value::from_string(s)),
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[pos];
            Err(vm.new_error(
                &vm.types.unicode_decode_error.clone(),
                &format!(
                    "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte"
                ),
            ))
        }
    }
}

fn hex(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let b = data(vm, &args[0])?;
    Ok(Value::from_string(
        b.iter().map(|x| format!("{x:02x}")).collect(),
    ))
}

fn join(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "join", args, 2, 2)?;
    let sep = data(vm, &args[0])?;
    let items = vm.collect_iterable(&args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(data(vm, it)?);
    }
    Ok(new_bytes(out))
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.bytes.clone();
    super::types::set_native_new(&t, bytes_new);
    add_method(vm, &t, "decode", decode);
    add_method(vm, &t, "hex", hex);
    add_method(vm, &t, "join", join);
}
