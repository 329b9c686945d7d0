//! `zlib`: compress, decompress, the streaming `Compress` and `Decompress` objects,
//! `_ZlibDecompressor` (what `gzip` reads with), `crc32`, `adler32`, the constants
//! and `zlib.error` with CPython's messages. The streams themselves are in `codec`;
//! this file is their Python face. Depends on core's public API.

mod codec;

use crate::decompressor::{self, StreamCodec};
use codec::{Decoder, Encoder, Settings, ZError};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cell::RefCell;
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{add_function, arg_ssize, native_type, no_kwargs, parse_clinic_args};
use tripwire_core::modules::math::index_big;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, ObjKind, PyCell, TypeRef, Value};
use tripwire_core::{PyErr, PyResult, Vm};

const DEF_BUF_SIZE: i64 = 16384;
const MAX_WBITS: i64 = 15;

thread_local! {
    /// `zlib.error` of the module as last imported, for the functions to raise.
    static ERROR: RefCell<Option<TypeRef>> = const { RefCell::new(None) };
    /// The `Compress` and `Decompress` types, for the factories and `copy`.
    static TYPES: RefCell<Option<(TypeRef, TypeRef)>> = const { RefCell::new(None) };
}

fn zlib_error(vm: &Vm, msg: &str) -> PyErr {
    match ERROR.with(|e| e.borrow().clone()) {
        Some(cls) => vm.new_error(&cls, msg),
        None => vm.new_error(&vm.types.exception, msg),
    }
}

fn stream_error(vm: &Vm, e: ZError, action: &str) -> PyErr {
    if e.code == codec::Z_MEM_ERROR {
        return vm.memory_error();
    }
    zlib_error(vm, &e.describe(action))
}

/// The bytes of a data argument, with CPython's TypeError.
fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A C int argument.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let n = index_big(vm, v)?;
    n.to_i32()
        .map(i64::from)
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

/// `data` then the parameters after it, for functions whose first parameter is
/// positional-only.
fn split_data<'a>(vm: &Vm, fname: &str, args: &'a [Value]) -> PyResult<(&'a Value, &'a [Value])> {
    args.split_first().ok_or_else(|| {
        vm.type_error(format!(
            "{fname}() takes at least 1 positional argument (0 given)"
        ))
    })
}

/// A checksum's starting value: any int, taken mod 2**32 as C's unsigned long mask.
fn start_value(vm: &mut Vm, v: Option<&Value>, default: u32) -> PyResult<u32> {
    let Some(v) = v else {
        return Ok(default);
    };
    if let Value::Int(i) = v {
        return Ok(*i as u32);
    }
    let n = index_big(vm, v)?;
    let low = n & BigInt::from(u32::MAX);
    Ok(low.to_u32().unwrap_or(0))
}

fn checksum(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[KwArg],
    default: u32,
    f: fn(u32, &[u8]) -> u32,
) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("zlib.{name}() takes no keyword arguments")));
    }
    if !(1..=2).contains(&args.len()) {
        return Err(vm.type_error(format!(
            "{name} expected {}, got {}",
            if args.is_empty() {
                "at least 1 argument"
            } else {
                "at most 2 arguments"
            },
            args.len()
        )));
    }
    let data = data_arg(vm, &args[0])?;
    let start = start_value(vm, args.get(1), default)?;
    Ok(Value::Int(i64::from(f(start, &data))))
}

fn crc32(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    checksum(vm, "crc32", args, kw, 0, codec::crc32)
}

fn adler32(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    checksum(vm, "adler32", args, kw, 1, codec::adler32)
}

/// `compress(data, /, level=-1, wbits=15)`.
fn compress(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (data, rest) = split_data(vm, "compress", args)?;
    let [level, wbits] = parse_clinic_args(vm, "compress", ["level", "wbits"], 2, 0, rest, kw)?;
    let data = data_arg(vm, data)?;
    let settings = Settings {
        level: opt_int(vm, level, -1)?,
        wbits: opt_int(vm, wbits, MAX_WBITS)?,
        mem_level: 8,
        strategy: 0,
    };
    let mut encoder =
        Encoder::new(&settings, &[]).map_err(|_| zlib_error(vm, "Bad compression level"))?;
    let mut out = Vec::new();
    encoder
        .compress(&data, codec::FINISH, &mut out)
        .map_err(|e| stream_error(vm, e, "compressing data"))?;
    Ok(new_bytes(out))
}

fn opt_int(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        Some(v) => int_arg(vm, &v),
        None => Ok(default),
    }
}

/// `decompress(data, /, wbits=15, bufsize=16384)`.
fn decompress(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (data, rest) = split_data(vm, "decompress", args)?;
    let [wbits, bufsize] =
        parse_clinic_args(vm, "decompress", ["wbits", "bufsize"], 2, 0, rest, kw)?;
    let data = data_arg(vm, data)?;
    let wbits = opt_int(vm, wbits, MAX_WBITS)?;
    if let Some(b) = bufsize {
        if arg_ssize(vm, &b)? < 0 {
            return Err(vm.value_error("bufsize must be non-negative"));
        }
    }
    let Some((wrapper, bits)) = codec::decoding_format(wbits) else {
        return Err(stream_error(
            vm,
            ZError::INCONSISTENT,
            "preparing to decompress data",
        ));
    };
    let mut decoder = Decoder::new(wrapper, bits, &[]);
    let mut out = Vec::new();
    decoder
        .feed(&data, &mut out, usize::MAX)
        .map_err(|e| stream_error(vm, e, "decompressing data"))?;
    if !decoder.is_done() {
        return Err(stream_error(vm, ZError::TRUNCATED, "decompressing data"));
    }
    Ok(new_bytes(out))
}

/// A zdict argument: bytes-like, with `message` for anything else.
fn zdict_arg(vm: &Vm, v: Option<Value>, message: Option<&str>) -> PyResult<Vec<u8>> {
    match v {
        None => Ok(Vec::new()),
        Some(v) => match (bytes_like(&v), message) {
            (Some(b), _) => Ok(b),
            (None, Some(m)) => Err(vm.type_error(m)),
            (None, None) => data_arg(vm, &v),
        },
    }
}

fn invalid_option(vm: &Vm) -> PyErr {
    vm.value_error("Invalid initialization option")
}

/// `compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,
/// strategy=Z_DEFAULT_STRATEGY, zdict=None)`.
fn compressobj(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [level, method, wbits, mem_level, strategy, zdict] = parse_clinic_args(
        vm,
        "compressobj",
        ["level", "method", "wbits", "memLevel", "strategy", "zdict"],
        6,
        0,
        args,
        kw,
    )?;
    let settings = Settings {
        level: opt_int(vm, level, -1)?,
        wbits: opt_int(vm, wbits, MAX_WBITS)?,
        mem_level: opt_int(vm, mem_level, 8)?,
        strategy: opt_int(vm, strategy, 0)?,
    };
    let method = opt_int(vm, method, 8)?;
    let zdict = zdict_arg(vm, zdict.filter(|z| !z.is_none()), None)?;
    if method != 8 {
        return Err(invalid_option(vm));
    }
    let encoder = Encoder::new(&settings, &zdict).map_err(|bad| match bad {
        codec::BadInit::Settings => invalid_option(vm),
        codec::BadInit::Dictionary => vm.value_error("Invalid dictionary"),
    })?;
    new_object(vm, Kind::Compress, encoder)
}

/// The Decompress object's data: the decoder and what it has left over.
#[derive(Clone)]
struct Inflater {
    decoder: Decoder,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
}

/// `decompressobj(wbits=MAX_WBITS, zdict=b'')`.
fn decompressobj(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [wbits, zdict] =
        parse_clinic_args(vm, "decompressobj", ["wbits", "zdict"], 2, 0, args, kw)?;
    let wbits = opt_int(vm, wbits, MAX_WBITS)?;
    let zdict = zdict_arg(
        vm,
        zdict,
        Some("zdict argument must support the buffer protocol"),
    )?;
    let (wrapper, bits) = codec::decoding_format(wbits).ok_or_else(|| invalid_option(vm))?;
    let inflater = Inflater {
        decoder: Decoder::new(wrapper, bits, &zdict),
        unused_data: Vec::new(),
        unconsumed_tail: Vec::new(),
    };
    new_object(vm, Kind::Decompress, inflater)
}

/// The two stream types of the module.
#[derive(Clone, Copy)]
enum Kind {
    Compress,
    Decompress,
}

/// An instance of the `kind` type holding `data`.
fn new_object<T: 'static>(vm: &Vm, kind: Kind, data: T) -> PyResult<Value> {
    let cls = TYPES.with(|t| {
        t.borrow().as_ref().map(|(c, d)| match kind {
            Kind::Compress => c.clone(),
            Kind::Decompress => d.clone(),
        })
    });
    let cls = cls.ok_or_else(|| vm.runtime_error("zlib's types are not made yet"))?;
    Ok(Value::obj(
        cls,
        ObjKind::Native(PyCell::new(Box::new(data))),
    ))
}

/// Run `f` on the receiver's data when it is a `T`.
fn with_data<T: 'static, R>(
    vm: &Vm,
    args: &[Value],
    type_name: &str,
    f: impl FnOnce(&mut T) -> R,
) -> PyResult<R> {
    if let Some(Value::Obj(o)) = args.first() {
        if let ObjKind::Native(cell) = &o.kind {
            let mut b = cell.borrow_mut();
            let any: &mut dyn std::any::Any = &mut **b;
            if let Some(data) = any.downcast_mut::<T>() {
                return Ok(f(data));
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor requires a 'zlib.{type_name}' object, not '{}'",
        args.first().map(|v| vm.type_name(v)).unwrap_or_default()
    )))
}

/// `Compress.compress(data, /)`.
fn compress_more(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or_default();
    let [data] = rest else {
        return Err(vm.type_error(format!(
            "compress() takes exactly 1 positional argument ({} given)",
            rest.len()
        )));
    };
    no_kwargs(vm, "compress", kw)?;
    let data = data_arg(vm, data)?;
    let mut out = Vec::new();
    with_data(vm, args, "Compress", |e: &mut Encoder| {
        e.compress(&data, codec::NO_FLUSH, &mut out)
    })?
    .map_err(|e| stream_error(vm, e, "compressing data"))?;
    Ok(new_bytes(out))
}

/// `Compress.flush(mode=Z_FINISH, /)`.
fn compress_flush(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if let Some((k, _)) = kw.first() {
        return Err(vm.type_error(format!(
            "flush() got an unexpected keyword argument '{}'",
            k.as_str()
        )));
    }
    let mode = match args.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => 4,
    };
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "flush expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let mut out = Vec::new();
    if mode != 0 {
        let flush = codec::flush_mode(mode);
        with_data(vm, args, "Compress", |e: &mut Encoder| match flush {
            Some(f) => e.compress(&[], f, &mut out),
            None => Err(ZError::INCONSISTENT),
        })?
        .map_err(|e| stream_error(vm, e, "flushing"))?;
    }
    Ok(new_bytes(out))
}

fn compress_copy(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let copy = with_data(vm, args, "Compress", |e: &mut Encoder| {
        (!e.is_finished()).then(|| e.clone())
    })?;
    let copy = copy.ok_or_else(|| vm.value_error("Inconsistent stream state"))?;
    new_object(vm, Kind::Compress, copy)
}

/// Run the decoder on `data` up to `limit` output bytes; what is left over becomes
/// the unconsumed tail, or unused data once the stream has ended.
fn inflate_into(
    vm: &Vm,
    args: &[Value],
    data: &[u8],
    limit: usize,
    action: &str,
) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    with_data(vm, args, "Decompress", |d: &mut Inflater| {
        let result = if d.decoder.is_done() {
            Ok(0)
        } else {
            d.decoder.feed(data, &mut out, limit)
        };
        let used = *result.as_ref().unwrap_or(&data.len());
        let rest = &data[used..];
        if d.decoder.is_done() {
            d.unused_data.extend_from_slice(rest);
            d.unconsumed_tail.clear();
        } else {
            d.unconsumed_tail = rest.to_vec();
        }
        result
    })?
    .map_err(|e| stream_error(vm, e, action))?;
    Ok(out)
}

/// `Decompress.decompress(data, /, max_length=0)`.
fn decompress_more(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or_default();
    let (data, rest) = split_data(vm, "decompress", rest)?;
    let [max_length] = parse_clinic_args(vm, "decompress", ["max_length"], 1, 0, rest, kw)?;
    let data = data_arg(vm, data)?;
    let max_length = match max_length {
        Some(v) => arg_ssize(vm, &v)?,
        None => 0,
    };
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let limit = if max_length == 0 {
        usize::MAX
    } else {
        max_length as usize
    };
    inflate_into(vm, args, &data, limit, "decompressing data").map(new_bytes)
}

/// `Decompress.flush(length=DEF_BUF_SIZE, /)`: the rest of the unconsumed tail.
fn decompress_flush(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "flush", kw)?;
    if let Some(v) = args.get(1) {
        if arg_ssize(vm, v)? <= 0 {
            return Err(vm.value_error("length must be greater than zero"));
        }
    }
    let tail = with_data(vm, args, "Decompress", |d: &mut Inflater| {
        std::mem::take(&mut d.unconsumed_tail)
    })?;
    match inflate_into(vm, args, &tail, usize::MAX, "flushing") {
        // A stream that fails on nothing new was reported when it failed.
        Err(_) if tail.is_empty() => Ok(new_bytes(Vec::new())),
        result => result.map(new_bytes),
    }
}

fn decompress_copy(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let copy = with_data(vm, args, "Decompress", |d: &mut Inflater| {
        (!d.decoder.is_done()).then(|| d.clone())
    })?;
    let copy = copy.ok_or_else(|| vm.value_error("Inconsistent stream state"))?;
    new_object(vm, Kind::Decompress, copy)
}

fn unused_data(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_data(vm, args, "Decompress", |d: &mut Inflater| {
        new_bytes(d.unused_data.clone())
    })
}

fn unconsumed_tail(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_data(vm, args, "Decompress", |d: &mut Inflater| {
        new_bytes(d.unconsumed_tail.clone())
    })
}

fn eof(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_data(vm, args, "Decompress", |d: &mut Inflater| {
        Value::Bool(d.decoder.is_done())
    })
}

/// `Decoder` as the codec of `_ZlibDecompressor`.
impl StreamCodec for Decoder {
    fn feed(
        &mut self,
        vm: &mut Vm,
        input: &[u8],
        out: &mut Vec<u8>,
        limit: usize,
    ) -> PyResult<usize> {
        Decoder::feed(self, input, out, limit)
            .map_err(|e| stream_error(vm, e, "decompressing data"))
    }

    fn is_done(&self) -> bool {
        Decoder::is_done(self)
    }
}

/// `_ZlibDecompressor(wbits=MAX_WBITS, zdict=b'')`.
fn zlib_decompressor_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((Value::Type(cls), rest)) = args.split_first() else {
        return Err(vm.type_error("_ZlibDecompressor.__new__ needs a type"));
    };
    let [wbits, zdict] =
        parse_clinic_args(vm, "_ZlibDecompressor", ["wbits", "zdict"], 2, 0, rest, kw)?;
    let wbits = opt_int(vm, wbits, MAX_WBITS)?;
    let zdict = zdict_arg(
        vm,
        zdict,
        Some("zdict argument must support the buffer protocol"),
    )?;
    let (wrapper, bits) = codec::decoding_format(wbits).ok_or_else(|| invalid_option(vm))?;
    Ok(decompressor::new(
        cls.clone(),
        Box::new(Decoder::new(wrapper, bits, &zdict)),
    ))
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let error = crate::module_error::new_class(vm, "zlib", "error")?;
    ERROR.with(|e| *e.borrow_mut() = Some(error.clone()));
    d.set_str(vm.intern("error"), Value::Type(error));

    let compress_type = native_type(
        vm,
        "zlib",
        "Compress",
        true,
        None,
        &[
            ("compress", compress_more),
            ("flush", compress_flush),
            ("copy", compress_copy),
            ("__copy__", compress_copy),
            ("__deepcopy__", compress_copy),
            ("__reduce_ex__", decompressor::refuse_pickling),
        ],
    );
    let decompress_type = native_type(
        vm,
        "zlib",
        "Decompress",
        true,
        None,
        &[
            ("decompress", decompress_more),
            ("flush", decompress_flush),
            ("copy", decompress_copy),
            ("__copy__", decompress_copy),
            ("__deepcopy__", decompress_copy),
            ("__reduce_ex__", decompressor::refuse_pickling),
        ],
    );
    for (attr, get) in [
        (
            "unused_data",
            unused_data as tripwire_core::object::NativeFn,
        ),
        ("unconsumed_tail", unconsumed_tail),
        ("eof", eof),
    ] {
        decompressor::add_getter(vm, &decompress_type, "zlib", attr, get);
    }
    TYPES.with(|t| *t.borrow_mut() = Some((compress_type, decompress_type)));

    let zlib_decompressor =
        decompressor::new_type(vm, "zlib", "_ZlibDecompressor", zlib_decompressor_new);
    d.set_str(
        vm.intern("_ZlibDecompressor"),
        Value::Type(zlib_decompressor),
    );

    for (name, f) in [
        ("adler32", adler32 as tripwire_core::object::NativeFn),
        ("crc32", crc32),
        ("compress", compress),
        ("decompress", decompress),
        ("compressobj", compressobj),
        ("decompressobj", decompressobj),
    ] {
        add_function(vm, d, "zlib", name, f);
    }
    let constants: &[(&str, i64)] = &[
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", 8),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", 4),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    for (name, value) in constants {
        d.set_str(vm.intern(name), Value::Int(*value));
    }
    // The zlib release whose formats and behaviour this module follows.
    for name in ["ZLIB_VERSION", "ZLIB_RUNTIME_VERSION"] {
        d.set_str(vm.intern(name), Value::str("1.3.1"));
    }
    Ok(())
}
