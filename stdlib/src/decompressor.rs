//! The one-way decompressor object that `zlib._ZlibDecompressor` and
//! `_bz2.BZ2Decompressor` share: `decompress(data, max_length=-1)` keeps the input it
//! could not use yet, and `eof`, `unused_data` and `needs_input` say where the stream
//! is. Each module supplies the codec. Depends on core's public API.

use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{arg_ssize, native_function, native_type, parse_clinic_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{NativeFn, ObjKind, PyCell, TypeRef, Value};
use tripwire_core::{PyResult, Vm};

/// A decompressing stream fed in pieces.
pub trait StreamCodec: std::any::Any {
    /// Decode from `input`, appending to `out` until its length is `limit`; returns
    /// how much input was used (input after the end of the stream is not).
    fn feed(
        &mut self,
        vm: &mut Vm,
        input: &[u8],
        out: &mut Vec<u8>,
        limit: usize,
    ) -> PyResult<usize>;
    /// Whether the end of the stream has been read.
    fn is_done(&self) -> bool;
    /// The EOFError's message for input given after the end.
    fn eof_message(&self) -> &'static str {
        "End of stream already reached"
    }
}

struct Buffered {
    codec: Box<dyn StreamCodec>,
    /// Input given but not used yet, because output stopped at `max_length`.
    input: Vec<u8>,
    needs_input: bool,
    unused_data: Vec<u8>,
}

/// An instance of `cls` over `codec`.
pub fn new(cls: TypeRef, codec: Box<dyn StreamCodec>) -> Value {
    let data = Buffered {
        codec,
        input: Vec::new(),
        needs_input: true,
        unused_data: Vec::new(),
    };
    Value::obj(cls, ObjKind::Native(PyCell::new(Box::new(data))))
}

fn with_buffered<R>(
    vm: &mut Vm,
    args: &[Value],
    f: impl FnOnce(&mut Vm, &mut Buffered) -> R,
) -> PyResult<R> {
    if let Some(Value::Obj(o)) = args.first() {
        if let ObjKind::Native(cell) = &o.kind {
            let mut b = cell.borrow_mut();
            let any: &mut dyn std::any::Any = &mut **b;
            if let Some(data) = any.downcast_mut::<Buffered>() {
                return Ok(f(vm, data));
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor requires a decompressor object, not '{}'",
        args.first().map(|v| vm.type_name(v)).unwrap_or_default()
    )))
}

/// Run `f` on the codec of a decompressor object, for a module's own attributes.
pub fn with_codec<R>(
    vm: &mut Vm,
    args: &[Value],
    f: impl FnOnce(&dyn StreamCodec) -> R,
) -> PyResult<R> {
    with_buffered(vm, args, |_, b| f(&*b.codec))
}

/// `decompress(data, max_length=-1)`: a negative `max_length` is no limit.
fn decompress(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or_default();
    let [data, max_length] =
        parse_clinic_args(vm, "decompress", ["data", "max_length"], 2, 1, rest, kw)?;
    let data = data.unwrap_or(Value::None);
    let data = bytes_like(&data).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&data)
        ))
    })?;
    let max_length = match max_length {
        Some(v) => arg_ssize(vm, &v)?,
        None => -1,
    };
    let limit = usize::try_from(max_length).unwrap_or(usize::MAX);
    with_buffered(vm, args, |vm, b| {
        if b.codec.is_done() {
            return Err(vm.new_error(&vm.types.eof_error.clone(), b.codec.eof_message()));
        }
        if b.input.try_reserve(data.len()).is_err() {
            return Err(vm.memory_error());
        }
        b.input.extend_from_slice(&data);
        let mut out = Vec::new();
        let used = match b.codec.feed(vm, &b.input, &mut out, limit) {
            Ok(used) => used,
            Err(e) => {
                b.input.clear();
                return Err(e);
            }
        };
        b.input.drain(..used);
        if b.codec.is_done() {
            b.needs_input = false;
            b.unused_data = std::mem::take(&mut b.input);
        } else {
            // Output that stopped at the limit may have more to come without input.
            b.needs_input = b.input.is_empty() && out.len() < limit;
        }
        Ok(new_bytes(out))
    })?
}

fn eof(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_buffered(vm, args, |_, b| Value::Bool(b.codec.is_done()))
}

fn unused_data(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_buffered(vm, args, |_, b| new_bytes(b.unused_data.clone()))
}

fn needs_input(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_buffered(vm, args, |_, b| Value::Bool(b.needs_input))
}

/// `__reduce_ex__` of a stream object: a stream's state cannot be pickled (or copied
/// through pickling), as in CPython.
pub fn refuse_pickling(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let t = vm.type_of(args.first().unwrap_or(&Value::None));
    let module = t.dict.get_str(&vm.names.d_module);
    let name = match module {
        Some(Value::Str(m)) => format!("{}.{}", m.as_str(), t.name().as_str()),
        _ => t.name().as_str().to_string(),
    };
    Err(vm.type_error(format!("cannot pickle '{name}' object")))
}

/// The decompressor type `module.name`, made by `new`.
pub fn new_type(vm: &mut Vm, module: &'static str, name: &str, new: NativeFn) -> TypeRef {
    let methods: [(&'static str, NativeFn); 2] = [
        ("decompress", decompress),
        ("__reduce_ex__", refuse_pickling),
    ];
    let t = native_type(vm, module, name, true, Some(new), &methods);
    let getters: [(&'static str, NativeFn); 3] = [
        ("eof", eof),
        ("unused_data", unused_data),
        ("needs_input", needs_input),
    ];
    for (attr, f) in getters {
        add_getter(vm, &t, module, attr, f);
    }
    t
}

/// A read-only property `attr` of `t`, read by `get`.
pub fn add_getter(
    vm: &mut Vm,
    t: &TypeRef,
    module: &'static str,
    attr: &'static str,
    get: NativeFn,
) {
    let property = ObjKind::Property {
        fget: native_function(module, attr, get),
        fset: Value::None,
        fdel: Value::None,
        doc: PyCell::new(Value::None),
    };
    t.dict.set_str(
        vm.intern(attr),
        Value::obj(vm.types.property.clone(), property),
    );
}
