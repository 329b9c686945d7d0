//! `bytes`: construction and decoding (the methods it shares with `bytearray` are
//! in `bytes_methods`).

use super::bytearray::initial_bytes;
use super::text_codecs::{Codec, Handler};
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

/// `data.decode(...)` by a native codec: a str, or CPython's UnicodeDecodeError.
pub fn decode_native(vm: &Vm, data: &[u8], codec: Codec, handler: Handler) -> PyResult<Value> {
    match super::text_codecs::decode(data, codec, handler) {
        Ok(text) => Ok(Value::from_wtf8(text)),
        Err(e) => Err(vm.unicode_decode_error(codec.name(), data, &e)),
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.bytes.clone();
    super::types::set_native_new(&t, bytes_new);
}
