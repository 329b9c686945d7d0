//! `_bz2`: `BZ2Compressor` and `BZ2Decompressor`, on which CPython's `bz2` runs, over
//! the `bzip2` crate with its pure-Rust backend (libbz2-rs-sys, no C library). The
//! objects are the shared `compressor` and `decompressor` ones. Depends on core's
//! public API.

use crate::compressor::{self, StreamEncoder};
use crate::decompressor::{self, StreamCodec};
use bzip2::{Action, Compress, Compression, Decompress, Status};
use tripwire_core::builtins::arg_int;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
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
            out.try_reserve(wrote).map_err(|_| vm.memory_error())?;
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
    Ok(compressor::new(cls.clone(), Box::new(Encoder(stream))))
}

struct Encoder(Compress);

impl StreamEncoder for Encoder {
    fn run(&mut self, vm: &mut Vm, data: &[u8], finish: bool) -> PyResult<Vec<u8>> {
        let action = if finish { Action::Finish } else { Action::Run };
        let stream = &mut self.0;
        let mut out = Vec::new();
        let start = stream.total_in();
        loop {
            out.try_reserve(CHUNK.max(data.len() / 4))
                .map_err(|_| vm.memory_error())?;
            let used = (stream.total_in() - start) as usize;
            let status = stream
                .compress_vec(&data[used..], &mut out, action)
                .map_err(|_| vm.new_error(&vm.types.os_error.clone(), "Internal error"))?;
            let consumed = (stream.total_in() - start) as usize == data.len();
            match (finish, status) {
                (true, Status::StreamEnd) => return Ok(out),
                (false, _) if consumed => return Ok(out),
                _ => {}
            }
        }
    }
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let compressor = compressor::new_type(vm, "_bz2", "BZ2Compressor", compressor_new);
    d.set_str(vm.intern("BZ2Compressor"), Value::Type(compressor));
    let decompressor = decompressor::new_type(vm, "_bz2", "BZ2Decompressor", decompressor_new);
    d.set_str(vm.intern("BZ2Decompressor"), Value::Type(decompressor));
    Ok(())
}
