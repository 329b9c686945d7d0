//! The one-way compressor object that `_bz2.BZ2Compressor` and `_lzma.LZMACompressor`
//! share: `compress(data)` returns the output ready so far, `flush()` ends the stream,
//! and both refuse once it has ended. Each module supplies the encoder. Depends on
//! core's public API.

use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::native_type;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{NativeFn, ObjKind, PyCell, TypeRef, Value};
use tripwire_core::{PyResult, Vm};

/// A compressing stream fed in pieces.
pub trait StreamEncoder {
    /// Compress `data` and, with `finish`, end the stream; the output ready now.
    fn run(&mut self, vm: &mut Vm, data: &[u8], finish: bool) -> PyResult<Vec<u8>>;
}

/// The encoder; None once flushed.
struct Compressor(Option<Box<dyn StreamEncoder>>);

/// An instance of `cls` over `encoder`.
pub fn new(cls: TypeRef, encoder: Box<dyn StreamEncoder>) -> Value {
    let data = Compressor(Some(encoder));
    Value::obj(cls, ObjKind::Native(PyCell::new(Box::new(data))))
}

fn with_compressor<R>(
    vm: &mut Vm,
    args: &[Value],
    f: impl FnOnce(&mut Vm, &mut Compressor) -> R,
) -> PyResult<R> {
    if let Some(Value::Obj(o)) = args.first() {
        if let ObjKind::Native(cell) = &o.kind {
            let mut b = cell.borrow_mut();
            let any: &mut dyn std::any::Any = &mut **b;
            if let Some(c) = any.downcast_mut::<Compressor>() {
                return Ok(f(vm, c));
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor requires a compressor object, not '{}'",
        args.first().map(|v| vm.type_name(v)).unwrap_or_default()
    )))
}

/// `compress(data, /)`.
fn compress(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("compress() takes no keyword arguments"));
    }
    let [_, data] = args else {
        return Err(vm.type_error(format!(
            "compress() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let data = bytes_like(data).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(data)
        ))
    })?;
    with_compressor(vm, args, |vm, c| match &mut c.0 {
        Some(encoder) => encoder.run(vm, &data, false).map(new_bytes),
        None => Err(vm.value_error("Compressor has been flushed")),
    })?
}

/// `flush()`: the rest of the stream; the compressor is done after it.
fn flush(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_compressor(vm, args, |vm, c| match c.0.take() {
        Some(mut encoder) => encoder.run(vm, &[], true).map(new_bytes),
        None => Err(vm.value_error("Repeated call to flush()")),
    })?
}

/// The compressor type `module.name`, made by `new`.
pub fn new_type(vm: &mut Vm, module: &'static str, name: &str, new: NativeFn) -> TypeRef {
    native_type(
        vm,
        module,
        name,
        true,
        Some(new),
        &[
            ("compress", compress),
            ("flush", flush),
            ("__reduce_ex__", crate::decompressor::refuse_pickling),
        ],
    )
}
