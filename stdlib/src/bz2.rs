//! `_bz2`: `BZ2Compressor` and `BZ2Decompressor`, on which CPython's `bz2` runs, over
//! the `bzip2` crate with its pure-Rust backend (libbz2-rs-sys, no C library). The
//! decompressor is the object `decompressor` shares with `zlib`. Depends on core's
//! public API.

use crate::decompressor::{self, StreamCodec};
use bzip2::{Action, Compress, Compression, Decompress, Status};
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{arg_int, native_type};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, ObjKind, PyCell, Value};
use tripwire_core::{PyErr, PyResult, Vm};

/// How much output one decompression step makes at most.
const CHUNK: usize = 64 * 1024;

fn invalid_data(vm: &Vm) -> PyErr {
    vm.new_error(&vm.types.os_error.clone(), "Invalid data stream")
}

struct Decoder {
    stream: Decompress,
    done: bool,
}

impl StreamCodec for Decoder {
    fn feed(
        &mut self,
        vm: &mut Vm,
        input: &[u8],
        out: &mut Vec<u8>,
        limit: usize,
    ) -> PyResult<usize> {
        let mut used = 0;
        while !self.done {
            let room = limit.saturating_sub(out.len());
            if room == 0 {
                break;
            }
            let mut buf = vm.vec_with_capacity::<u8>(room.min(CHUNK))?;
            buf.resize(room.min(CHUNK), 0);
            let (in_before, out_before) = (self.stream.total_in(), self.stream.total_out());
            let status = self
                .stream
                .decompress(&input[used..], &mut buf)
                .map_err(|_| invalid_data(vm))?;
            let read = (self.stream.total_in() - in_before) as usize;
            let wrote = (self.stream.total_out() - out_before) as usize;
            used += read;
            out.extend_from_slice(&buf[..wrote]);
            match status {
                Status::StreamEnd => self.done = true,
                Status::MemNeeded => return Err(vm.memory_error()),
                _ if read == 0 && wrote == 0 => break,
                _ => {}
            }
        }
        Ok(used)
    }

    fn is_done(&self) -> bool {
        self.done
    }
}

fn decompressor_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((Value::Type(cls), rest)) = args.split_first() else {
        return Err(vm.type_error("BZ2Decompressor.__new__ needs a type"));
    };
    if !rest.is_empty() {
        return Err(vm.type_error("BZ2Decompressor() takes no positional arguments"));
    }
    if !kw.is_empty() {
        return Err(vm.type_error("BZ2Decompressor() takes no keyword arguments"));
    }
    let codec = Decoder {
        stream: Decompress::new(false),
        done: false,
    };
    Ok(decompressor::new(cls.clone(), Box::new(codec)))
}

/// A compressor's stream; None once flushed.
struct Encoder(Option<Compress>);

fn with_encoder<R>(vm: &Vm, args: &[Value], f: impl FnOnce(&mut Encoder) -> R) -> PyResult<R> {
    if let Some(Value::Obj(o)) = args.first() {
        if let ObjKind::Native(cell) = &o.kind {
            let mut b = cell.borrow_mut();
            let any: &mut dyn std::any::Any = &mut **b;
            if let Some(e) = any.downcast_mut::<Encoder>() {
                return Ok(f(e));
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor requires a '_bz2.BZ2Compressor' object, not '{}'",
        args.first().map(|v| vm.type_name(v)).unwrap_or_default()
    )))
}

/// `BZ2Compressor(compresslevel=9, /)`.
fn compressor_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((Value::Type(cls), rest)) = args.split_first() else {
        return Err(vm.type_error("BZ2Compressor.__new__ needs a type"));
    };
    if !kw.is_empty() {
        return Err(vm.type_error("BZ2Compressor() takes no keyword arguments"));
    }
    if rest.len() > 1 {
        return Err(vm.type_error(format!(
            "BZ2Compressor expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    let level = match rest.first() {
        Some(v) => arg_int(vm, v)?,
        None => 9,
    };
    let level = u32::try_from(level)
        .ok()
        .filter(|l| (1..=9).contains(l))
        .ok_or_else(|| vm.value_error("compresslevel must be between 1 and 9"))?;
    let stream = Compress::new(Compression::new(level), 0);
    Ok(Value::obj(
        cls.clone(),
        ObjKind::Native(PyCell::new(Box::new(Encoder(Some(stream))))),
    ))
}

/// Run `stream` on `data` with `action` until the input is used (and, finishing,
/// until the end of the stream is written).
fn run(stream: &mut Compress, data: &[u8], action: Action) -> Result<Vec<u8>, bzip2::Error> {
    let mut out = Vec::new();
    let start = stream.total_in();
    loop {
        out.reserve(CHUNK.max(data.len() / 4));
        let status = stream.compress_vec(
            &data[(stream.total_in() - start) as usize..],
            &mut out,
            action,
        )?;
        let consumed = (stream.total_in() - start) as usize == data.len();
        match (action, status) {
            (Action::Finish, Status::StreamEnd) => return Ok(out),
            (Action::Finish, _) => {}
            _ if consumed => return Ok(out),
            _ => {}
        }
    }
}

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
    let out = with_encoder(vm, args, |e| {
        e.0.as_mut().map(|s| run(s, &data, Action::Run))
    })?;
    match out {
        None => Err(vm.value_error("Compressor has been flushed")),
        Some(Ok(out)) => Ok(new_bytes(out)),
        Some(Err(_)) => Err(vm.new_error(&vm.types.os_error.clone(), "Internal error")),
    }
}

fn flush(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let out = with_encoder(vm, args, |e| {
        e.0.take().map(|mut s| run(&mut s, &[], Action::Finish))
    })?;
    match out {
        None => Err(vm.value_error("Repeated call to flush()")),
        Some(Ok(out)) => Ok(new_bytes(out)),
        Some(Err(_)) => Err(vm.new_error(&vm.types.os_error.clone(), "Internal error")),
    }
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let compressor = native_type(
        vm,
        "_bz2",
        "BZ2Compressor",
        true,
        Some(compressor_new),
        &[("compress", compress), ("flush", flush)],
    );
    d.set_str(vm.intern("BZ2Compressor"), Value::Type(compressor));
    let decompressor = decompressor::new_type(vm, "_bz2", "BZ2Decompressor", decompressor_new);
    d.set_str(vm.intern("BZ2Decompressor"), Value::Type(decompressor));
    Ok(())
}
