//! `bytes`: construction and decoding (the methods it shares with `bytearray` are
//! in `bytes_methods`).

use super::bytearray::initial_bytes;
use crate::object::function::KwArg;
use crate::object::{ObjKind, Value};
use crate::vm::{PyResult, Vm};

pub fn new_bytes(b: Vec<u8>) -> Value {
    Value::obj(
        crate::vm::builtin_types::bytes_type(),
        ObjKind::Bytes(b.into_boxed_slice()),
    )
}

fn bytes_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [source, encoding, errors] = super::parse_clinic_args(
        vm,
        "bytes",
        ["source", "encoding", "errors"],
        3,
        0,
        &args[1..],
        kwargs,
    )?;
    if let Some(v @ Value::Obj(o)) = &source {
        if matches!(o.kind, ObjKind::Bytes(_)) && encoding.is_none() && errors.is_none() {
            return Ok(v.clone());
        }
    }
    if let Some(src) = source.as_ref().filter(|s| !matches!(s, Value::Str(_))) {
        let name = vm.intern("__bytes__");
        if let Some(m) = vm.type_of(src).lookup(&name) {
            if !matches!(m, Value::Builtin(_)) {
                let r = vm.call_method_value(m, src, &[])?;
                if !matches!(&r, Value::Obj(o) if matches!(o.kind, ObjKind::Bytes(_))) {
                    return Err(vm.type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        vm.type_name(&r)
                    )));
                }
                return Ok(r);
            }
        }
    }
    let data = initial_bytes(
        vm,
        source.as_ref(),
        encoding.as_ref(),
        errors.as_ref(),
        "bytes",
    )?;
    Ok(new_bytes(data))
}

/// `data.decode(encoding)`: UTF-8 (the default), ASCII and Latin-1.
pub fn decode_data(vm: &mut Vm, data: Vec<u8>, encoding: Option<&Value>) -> PyResult<Value> {
    let encoding = match encoding {
        None => "utf-8".to_string(),
        Some(Value::Str(s)) => s.as_str().to_ascii_lowercase().replace('_', "-"),
        Some(other) => {
            return Err(vm.type_error(format!(
                "decode() argument 'encoding' must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    match encoding.as_str() {
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => {
            return Ok(Value::from_string(
                data.iter().map(|&b| b as char).collect(),
            ))
        }
        "ascii" | "us-ascii" => {
            if let Some(pos) = data.iter().position(|b| !b.is_ascii()) {
                return Err(vm.new_error(
                    &vm.types.unicode_decode_error.clone(),
                    &format!(
                        "'ascii' codec can't decode byte 0x{:02x} in position {pos}: ordinal not in range(128)",
                        data[pos]
                    ),
                ));
            }
        }
        _ => {}
    }
    match String::from_utf8(data) {
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

pub fn install(vm: &mut Vm) {
    let t = vm.types.bytes.clone();
    super::types::set_native_new(&t, bytes_new);
}
