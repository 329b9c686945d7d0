//! `_lzma`: `LZMACompressor`, `LZMADecompressor`, the filter-property helpers and the
//! constants CPython's `lzma` runs on, over the `liblzma` crate built from its bundled
//! xz sources (the library CPython itself uses, so output and errors are its). The
//! objects are the shared `compressor` and `decompressor` ones. Depends on core's
//! public API.

use crate::compressor::{self, StreamEncoder};
use crate::decompressor::{self, StreamCodec};
use liblzma::stream::{
    Action, Check, Error as XzError, Filters, LzmaOptions, MatchFinder, Mode, Status, Stream,
    TELL_ANY_CHECK,
};
use num_traits::ToPrimitive;
use std::cell::RefCell;
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{add_function, parse_clinic_args};
use tripwire_core::modules::math::index_big;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, TypeRef, Value};
use tripwire_core::{PyErr, PyResult, Vm};

const FORMAT_AUTO: i64 = 0;
const FORMAT_XZ: i64 = 1;
const FORMAT_ALONE: i64 = 2;
const FORMAT_RAW: i64 = 3;
const CHECK_NONE: i64 = 0;
const CHECK_UNKNOWN: i64 = 16;
const FILTER_LZMA1: u64 = 0x4000_0000_0000_0001;
const FILTER_LZMA2: u64 = 0x21;
const FILTER_DELTA: u64 = 3;
const FILTER_X86: u64 = 4;
const FILTER_POWERPC: u64 = 5;
const FILTER_IA64: u64 = 6;
const FILTER_ARM: u64 = 7;
const FILTER_ARMTHUMB: u64 = 8;
const FILTER_SPARC: u64 = 9;
const PRESET_DEFAULT: u32 = 6;
/// liblzma takes at most this many filters in a chain.
const MAX_FILTERS: usize = 4;
/// How much output one decompression step makes at most.
const CHUNK: usize = 64 * 1024;
/// The magic that opens an .xz stream; the check's id follows two bytes later.
const XZ_MAGIC: [u8; 6] = [0xfd, b'7', b'z', b'X', b'Z', 0];

thread_local! {
    /// `_lzma.LZMAError` of the module as last imported, for the functions to raise.
    static ERROR: RefCell<Option<TypeRef>> = const { RefCell::new(None) };
}

fn lzma_error(vm: &Vm, msg: &str) -> PyErr {
    match ERROR.with(|e| e.borrow().clone()) {
        Some(cls) => vm.new_error(&cls, msg),
        None => vm.new_error(&vm.types.exception, msg),
    }
}

/// CPython's exception for a liblzma failure.
fn xz_error(vm: &Vm, e: XzError) -> PyErr {
    let msg = match e {
        XzError::Mem => return vm.memory_error(),
        XzError::UnsupportedCheck => "Unsupported integrity check",
        XzError::MemLimit => "Memory usage limit exceeded",
        XzError::Format => "Input format not supported by decoder",
        XzError::Options => "Invalid or unsupported options",
        XzError::Data => "Corrupt input data",
        XzError::NoCheck | XzError::Program => "Internal error",
    };
    lzma_error(vm, msg)
}

/// An unsigned argument as C's unsigned long long conversion reads it.
fn unsigned_arg(vm: &mut Vm, v: &Value, too_big: &str, bits: u32) -> PyResult<u64> {
    if !matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        && vm.builtin_base(v).is_none()
    {
        return Err(vm.type_error("an integer is required"));
    }
    let n = index_big(vm, v)?;
    if n.sign() == num_bigint::Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    n.to_u64()
        .filter(|n| bits == 64 || *n >> bits == 0)
        .ok_or_else(|| vm.overflow_error(too_big))
}

fn uint32_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    Ok(unsigned_arg(vm, v, "Value too large for uint32_t type", 32)? as u32)
}

/// A C int argument.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let n = index_big(vm, v)?;
    n.to_i32().map(i64::from).ok_or_else(|| {
        vm.overflow_error(if n.sign() == num_bigint::Sign::Minus {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}

/// The settings of an LZMA1 or LZMA2 filter: a preset, with the keys a spec sets.
#[derive(Clone, Default)]
struct LzmaSettings {
    preset: u32,
    dict_size: Option<u32>,
    lc: Option<u32>,
    lp: Option<u32>,
    pb: Option<u32>,
    mode: Option<u32>,
    nice_len: Option<u32>,
    mf: Option<u32>,
    depth: Option<u32>,
}

impl LzmaSettings {
    /// The dictionary size of the preset (its level's, as liblzma's table has it).
    fn dict_size(&self) -> u32 {
        const BY_LEVEL: [u32; 10] = [
            1 << 18,
            1 << 20,
            1 << 21,
            1 << 22,
            1 << 22,
            1 << 23,
            1 << 23,
            1 << 24,
            1 << 25,
            1 << 26,
        ];
        self.dict_size
            .unwrap_or(BY_LEVEL[(self.preset & 0x1f).min(9) as usize])
    }

    /// liblzma's options; an Options error for a mode or match finder it lacks.
    fn options(&self) -> Result<LzmaOptions, XzError> {
        let mut o = LzmaOptions::new_preset(self.preset).map_err(|_| XzError::Options)?;
        if let Some(v) = self.dict_size {
            o.dict_size(v);
        }
        if let Some(v) = self.lc {
            o.literal_context_bits(v);
        }
        if let Some(v) = self.lp {
            o.literal_position_bits(v);
        }
        if let Some(v) = self.pb {
            o.position_bits(v);
        }
        if let Some(v) = self.mode {
            o.mode(match v {
                1 => Mode::Fast,
                2 => Mode::Normal,
                _ => return Err(XzError::Options),
            });
        }
        if let Some(v) = self.nice_len {
            o.nice_len(v);
        }
        if let Some(v) = self.mf {
            o.match_finder(match v {
                3 => MatchFinder::HashChain3,
                4 => MatchFinder::HashChain4,
                18 => MatchFinder::BinaryTree2,
                19 => MatchFinder::BinaryTree3,
                20 => MatchFinder::BinaryTree4,
                _ => return Err(XzError::Options),
            });
        }
        if let Some(v) = self.depth {
            o.depth(v);
        }
        Ok(o)
    }
}

/// One filter of a chain, as a filter specifier dict gives it.
#[derive(Clone)]
enum FilterSpec {
    Lzma1(LzmaSettings),
    Lzma2(LzmaSettings),
    Delta { dist: u32 },
    Bcj { id: u64, start_offset: u32 },
}

fn is_bcj(id: u64) -> bool {
    (FILTER_X86..=FILTER_SPARC).contains(&id)
}

/// A filter specifier: a mapping with an "id" and that filter's options.
fn filter_spec(vm: &mut Vm, spec: &Value) -> PyResult<FilterSpec> {
    let subscriptable = matches!(spec, Value::Dict(_))
        || vm.type_of(spec).lookup(&vm.intern("__getitem__")).is_some();
    if !subscriptable {
        return Err(vm.type_error("Filter specifier must be a dict or dict-like object"));
    }
    let id = match vm.getitem(spec, &Value::str("id")) {
        Ok(id) => id,
        Err(e) if vm.err_matches(&e, &vm.types.key_error.clone()) => {
            return Err(vm.value_error("Filter specifier must have an \"id\" entry"))
        }
        Err(e) => return Err(e),
    };
    let id = unsigned_arg(vm, &id, "int too big to convert", 64)?;
    let (kind, keys): (&str, &[&str]) = match id {
        FILTER_LZMA1 | FILTER_LZMA2 => (
            "LZMA",
            &[
                "preset",
                "dict_size",
                "lc",
                "lp",
                "pb",
                "mode",
                "nice_len",
                "mf",
                "depth",
            ],
        ),
        FILTER_DELTA => ("delta", &["dist"]),
        _ if is_bcj(id) => ("BCJ", &["start_offset"]),
        _ => return Err(vm.value_error(format!("Invalid filter ID: {id}"))),
    };
    let invalid = |vm: &Vm| vm.value_error(format!("Invalid filter specifier for {kind} filter"));
    let mut values = [None; 9];
    if let Value::Dict(d) = spec {
        for (k, v) in d.items() {
            let Value::Str(k) = &k else {
                return Err(invalid(vm));
            };
            if k.as_str() == "id" {
                continue;
            }
            let Some(slot) = keys.iter().position(|n| *n == k.as_str()) else {
                return Err(invalid(vm));
            };
            values[slot] = Some(uint32_arg(vm, &v).map_err(|_| invalid(vm))?);
        }
    }
    Ok(match id {
        FILTER_DELTA => FilterSpec::Delta {
            dist: values[0].unwrap_or(1),
        },
        FILTER_LZMA1 | FILTER_LZMA2 => {
            let preset = values[0].unwrap_or(PRESET_DEFAULT);
            if LzmaOptions::new_preset(preset).is_err() {
                return Err(lzma_error(
                    vm,
                    &format!("Invalid compression preset: {preset}"),
                ));
            }
            let [_, dict_size, lc, lp, pb, mode, nice_len, mf, depth] = values;
            let settings = LzmaSettings {
                preset,
                dict_size,
                lc,
                lp,
                pb,
                mode,
                nice_len,
                mf,
                depth,
            };
            if id == FILTER_LZMA1 {
                FilterSpec::Lzma1(settings)
            } else {
                FilterSpec::Lzma2(settings)
            }
        }
        _ => FilterSpec::Bcj {
            id,
            start_offset: values[0].unwrap_or(0),
        },
    })
}

/// A filter chain: a sequence of at most four specifiers.
fn filter_chain(vm: &mut Vm, specs: &Value) -> PyResult<Vec<FilterSpec>> {
    let n = vm.len(specs)?;
    if n > MAX_FILTERS {
        return Err(vm.value_error(format!(
            "Too many filters - liblzma supports a maximum of {MAX_FILTERS}"
        )));
    }
    let mut chain = Vec::with_capacity(n);
    for i in 0..n {
        let spec = vm.getitem(specs, &Value::Int(i as i64))?;
        chain.push(filter_spec(vm, &spec)?);
    }
    Ok(chain)
}

/// liblzma's form of a chain.
fn build_filters(chain: &[FilterSpec]) -> Result<Filters, XzError> {
    let mut filters = Filters::new();
    for spec in chain {
        match spec {
            FilterSpec::Lzma1(s) => {
                filters.lzma1(&s.options()?);
            }
            FilterSpec::Lzma2(s) => {
                filters.lzma2(&s.options()?);
            }
            FilterSpec::Delta { .. } | FilterSpec::Bcj { .. } => {
                // Options out of range are refused as the encoder would refuse them.
                let props = encode_properties(spec).map_err(|_| XzError::Options)?;
                let id = match spec {
                    FilterSpec::Bcj { id, .. } => *id,
                    _ => FILTER_DELTA,
                };
                match id {
                    FILTER_DELTA => filters.delta_properties(&props),
                    FILTER_X86 => filters.x86_properties(&props),
                    FILTER_POWERPC => filters.powerpc_properties(&props),
                    FILTER_IA64 => filters.ia64_properties(&props),
                    FILTER_ARM => filters.arm_properties(&props),
                    FILTER_ARMTHUMB => filters.arm_thumb_properties(&props),
                    _ => filters.sparc_properties(&props),
                }?;
            }
        }
    }
    Ok(filters)
}

/// The properties field of a filter, as the .xz headers hold it; a Program error
/// for options liblzma cannot encode.
fn encode_properties(spec: &FilterSpec) -> Result<Vec<u8>, XzError> {
    Ok(match spec {
        FilterSpec::Lzma1(s) => {
            let (lc, lp, pb) = (s.lc.unwrap_or(3), s.lp.unwrap_or(0), s.pb.unwrap_or(2));
            if lc > 4 || lp > 4 || pb > 4 || lc + lp > 4 {
                return Err(XzError::Program);
            }
            let mut props = vec![((pb * 5 + lp) * 9 + lc) as u8];
            props.extend_from_slice(&s.dict_size().to_le_bytes());
            props
        }
        FilterSpec::Lzma2(s) => {
            // The smallest size 2**(n/2 + 12) or 3 * 2**(n/2 + 11) that holds it.
            let size = s.dict_size().max(4096);
            let code = (0..40u32)
                .find(|&n| lzma2_dict_size(n) >= u64::from(size))
                .unwrap_or(40);
            vec![code as u8]
        }
        FilterSpec::Delta { dist } => {
            if !(1..=256).contains(dist) {
                return Err(XzError::Program);
            }
            vec![(dist - 1) as u8]
        }
        FilterSpec::Bcj { start_offset, .. } => match start_offset {
            0 => Vec::new(),
            n => n.to_le_bytes().to_vec(),
        },
    })
}

/// The dictionary size an LZMA2 properties byte below 40 stands for.
fn lzma2_dict_size(code: u32) -> u64 {
    u64::from(2 | (code & 1)) << (code / 2 + 11)
}

/// `_encode_filter_properties(filter, /)`.
fn encode_filter_properties(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [spec] = args else {
        return Err(vm.type_error(format!(
            "_encode_filter_properties() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let spec = filter_spec(vm, spec)?;
    encode_properties(&spec)
        .map(new_bytes)
        .map_err(|e| xz_error(vm, e))
}

/// `_decode_filter_properties(filter_id, encoded_props, /)`: the specifier dict.
fn decode_filter_properties(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [id, props] = args else {
        return Err(vm.type_error(format!(
            "_decode_filter_properties expected 2 arguments, got {}",
            args.len()
        )));
    };
    let id = unsigned_arg(vm, id, "int too big to convert", 64)?;
    let props = bytes_like(props).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(props)
        ))
    })?;
    let fields: Vec<(&str, u64)> = match (id, props.as_slice()) {
        (FILTER_LZMA1, [lclppb, d0, d1, d2, d3]) => {
            let b = u32::from(*lclppb);
            let (pb, lp, lc) = (b / 45, b % 45 / 9, b % 9);
            if b > (4 * 5 + 4) * 9 + 8 || lc + lp > 4 {
                return Err(xz_error(vm, XzError::Options));
            }
            let dict_size = u32::from_le_bytes([*d0, *d1, *d2, *d3]);
            vec![
                ("lc", lc.into()),
                ("lp", lp.into()),
                ("pb", pb.into()),
                ("dict_size", dict_size.into()),
            ]
        }
        (FILTER_LZMA2, [code]) if *code <= 40 => {
            let size = match code {
                40 => u64::from(u32::MAX),
                n => lzma2_dict_size(u32::from(*n)),
            };
            vec![("dict_size", size)]
        }
        (FILTER_DELTA, [d]) => vec![("dist", u64::from(*d) + 1)],
        (_, []) if is_bcj(id) => Vec::new(),
        (_, [a, b, c, d]) if is_bcj(id) => {
            vec![("start_offset", u32::from_le_bytes([*a, *b, *c, *d]).into())]
        }
        _ => return Err(xz_error(vm, XzError::Options)),
    };
    let d = Dict::new_rc();
    d.set_str(vm.intern("id"), int_value(id));
    for (name, value) in fields {
        d.set_str(vm.intern(name), int_value(value));
    }
    Ok(Value::Dict(d))
}

/// A filter id or option as a Python int (every one fits in 63 bits).
fn int_value(n: u64) -> Value {
    Value::Int(n as i64)
}

fn check_of(id: i64) -> Result<Check, XzError> {
    match id {
        0 => Ok(Check::None),
        1 => Ok(Check::Crc32),
        4 => Ok(Check::Crc64),
        10 => Ok(Check::Sha256),
        2..=15 => Err(XzError::UnsupportedCheck),
        _ => Err(XzError::Program),
    }
}

/// `is_check_supported(check_id, /)`.
fn is_check_supported(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [id] = args else {
        return Err(vm.type_error(format!(
            "is_check_supported() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    let id = int_arg(vm, id)?;
    Ok(Value::Bool(check_of(id).is_ok()))
}

/// `LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)`.
fn compressor_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((Value::Type(cls), rest)) = args.split_first() else {
        return Err(vm.type_error("LZMACompressor.__new__ needs a type"));
    };
    let [format, check, preset, filters] = parse_clinic_args(
        vm,
        "LZMACompressor",
        ["format", "check", "preset", "filters"],
        4,
        0,
        rest,
        kw,
    )?;
    let format = match format {
        Some(v) => int_arg(vm, &v)?,
        None => FORMAT_XZ,
    };
    let check = match check {
        Some(v) => int_arg(vm, &v)?,
        None => -1,
    };
    let preset = preset.filter(|p| !p.is_none());
    let filters = filters.filter(|f| !f.is_none());
    if format != FORMAT_XZ && check != -1 && check != CHECK_NONE {
        return Err(vm.value_error("Integrity checks are only supported by FORMAT_XZ"));
    }
    if preset.is_some() && filters.is_some() {
        return Err(vm.value_error("Cannot specify both preset and filter chain"));
    }
    let preset = match preset {
        Some(p) => uint32_arg(vm, &p)?,
        None => PRESET_DEFAULT,
    };
    let chain = match &filters {
        Some(f) if (FORMAT_XZ..=FORMAT_RAW).contains(&format) => Some(filter_chain(vm, f)?),
        _ => None,
    };
    let bad_preset = |vm: &Vm| lzma_error(vm, &format!("Invalid compression preset: {preset}"));
    let stream = match (format, chain) {
        (FORMAT_XZ, None) => {
            let check =
                check_of(if check == -1 { 4 } else { check }).map_err(|e| xz_error(vm, e))?;
            Stream::new_easy_encoder(preset, check).map_err(|e| xz_error(vm, e))?
        }
        (FORMAT_XZ, Some(chain)) => {
            let check =
                check_of(if check == -1 { 4 } else { check }).map_err(|e| xz_error(vm, e))?;
            build_filters(&chain)
                .and_then(|f| Stream::new_stream_encoder(&f, check))
                .map_err(|e| xz_error(vm, e))?
        }
        (FORMAT_ALONE, None) => {
            let options = LzmaOptions::new_preset(preset).map_err(|_| bad_preset(vm))?;
            Stream::new_lzma_encoder(&options).map_err(|e| xz_error(vm, e))?
        }
        (FORMAT_ALONE, Some(chain)) => match chain.as_slice() {
            [FilterSpec::Lzma1(s)] => s
                .options()
                .and_then(|o| Stream::new_lzma_encoder(&o))
                .map_err(|e| xz_error(vm, e))?,
            _ => {
                return Err(vm.value_error(
                    "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter",
                ))
            }
        },
        (FORMAT_RAW, None) => return Err(vm.value_error("Must specify filters for FORMAT_RAW")),
        (FORMAT_RAW, Some(chain)) => build_filters(&chain)
            .and_then(|f| Stream::new_raw_encoder(&f))
            .map_err(|e| xz_error(vm, e))?,
        _ => return Err(vm.value_error(format!("Invalid container format: {format}"))),
    };
    Ok(compressor::new(cls.clone(), Box::new(Encoder(stream))))
}

struct Encoder(Stream);

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
                .process_vec(&data[used..], &mut out, action)
                .map_err(|e| xz_error(vm, e))?;
            let consumed = (stream.total_in() - start) as usize == data.len();
            match (finish, status) {
                (true, Status::StreamEnd) => return Ok(out),
                // Output that filled the buffer may have more behind it.
                (false, _) if consumed && out.len() < out.capacity() => return Ok(out),
                _ => {}
            }
        }
    }
}

struct Decoder {
    stream: Stream,
    format: i64,
    done: bool,
    /// The integrity check of the stream, CHECK_UNKNOWN until its header is read.
    check: i64,
    /// The first bytes of the stream, where an .xz header keeps its check's id.
    head: Vec<u8>,
}

impl Decoder {
    /// Keep the stream's first eight bytes from `input`, which starts where the
    /// stream has read to.
    fn note_head(&mut self, input: &[u8]) {
        let read = self.stream.total_in() as usize;
        if self.head.len() < 8 && self.head.len() >= read {
            let skip = self.head.len() - read;
            let more = input.iter().skip(skip).take(8 - self.head.len());
            self.head.extend(more);
        }
    }

    /// The check once liblzma has read the header that names it.
    fn note_check(&mut self, status: Status) {
        let xz = self.head.starts_with(&XZ_MAGIC);
        if status == Status::GetCheck && xz && self.head.len() == 8 {
            self.check = i64::from(self.head[7] & 0x0f);
        } else if self.format == FORMAT_AUTO && !self.head.is_empty() && self.head[0] != XZ_MAGIC[0]
        {
            // What the automatic decoder takes for .lzma has no check.
            self.check = CHECK_NONE;
        }
    }
}

impl StreamCodec for Decoder {
    fn feed(
        &mut self,
        vm: &mut Vm,
        input: &[u8],
        out: &mut Vec<u8>,
        limit: usize,
    ) -> PyResult<usize> {
        self.note_head(input);
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
                .process(&input[used..], &mut buf, Action::Run)
                .map_err(|e| xz_error(vm, e))?;
            let read = (self.stream.total_in() - in_before) as usize;
            let wrote = (self.stream.total_out() - out_before) as usize;
            used += read;
            out.try_reserve(wrote).map_err(|_| vm.memory_error())?;
            out.extend_from_slice(&buf[..wrote]);
            self.note_check(status);
            match status {
                Status::StreamEnd => self.done = true,
                // liblzma's "no progress possible": more input is needed.
                Status::MemNeeded => break,
                Status::Ok if read == 0 && wrote == 0 => break,
                _ => {}
            }
        }
        Ok(used)
    }

    fn is_done(&self) -> bool {
        self.done
    }

    fn eof_message(&self) -> &'static str {
        "Already at end of stream"
    }
}

/// `LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None)`.
fn decompressor_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((Value::Type(cls), rest)) = args.split_first() else {
        return Err(vm.type_error("LZMADecompressor.__new__ needs a type"));
    };
    let [format, memlimit, filters] = parse_clinic_args(
        vm,
        "LZMADecompressor",
        ["format", "memlimit", "filters"],
        3,
        0,
        rest,
        kw,
    )?;
    let format = match format {
        Some(v) => int_arg(vm, &v)?,
        None => FORMAT_AUTO,
    };
    let memlimit = memlimit.filter(|m| !m.is_none());
    let filters = filters.filter(|f| !f.is_none());
    if memlimit.is_some() && format == FORMAT_RAW {
        return Err(vm.value_error("Cannot specify memory limit with FORMAT_RAW"));
    }
    if format == FORMAT_RAW && filters.is_none() {
        return Err(vm.value_error("Must specify filters for FORMAT_RAW"));
    }
    if format != FORMAT_RAW && filters.is_some() {
        return Err(vm.value_error("Cannot specify filters except with FORMAT_RAW"));
    }
    let memlimit = match memlimit {
        Some(m) => unsigned_arg(vm, &m, "int too big to convert", 64)?,
        None => u64::MAX,
    };
    let (stream, check) = match format {
        FORMAT_AUTO => (
            Stream::new_auto_decoder(memlimit, TELL_ANY_CHECK),
            CHECK_UNKNOWN,
        ),
        FORMAT_XZ => (
            Stream::new_stream_decoder(memlimit, TELL_ANY_CHECK),
            CHECK_UNKNOWN,
        ),
        FORMAT_ALONE => (Stream::new_lzma_decoder(memlimit), CHECK_NONE),
        FORMAT_RAW => {
            let chain = match &filters {
                Some(f) => filter_chain(vm, f)?,
                None => Vec::new(),
            };
            let stream = build_filters(&chain).and_then(|f| Stream::new_raw_decoder(&f));
            (stream, CHECK_NONE)
        }
        _ => return Err(vm.value_error(format!("Invalid container format: {format}"))),
    };
    let codec = Decoder {
        stream: stream.map_err(|e| xz_error(vm, e))?,
        format,
        done: false,
        check,
        head: Vec::new(),
    };
    Ok(decompressor::new(cls.clone(), Box::new(codec)))
}

/// `LZMADecompressor.check`.
fn check(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let check = decompressor::with_codec(vm, args, |codec| {
        let any: &dyn std::any::Any = codec;
        any.downcast_ref::<Decoder>().map(|d| d.check)
    })?;
    Ok(Value::Int(check.unwrap_or(CHECK_UNKNOWN)))
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let error = crate::module_error::new_class(vm, "_lzma", "LZMAError")?;
    ERROR.with(|e| *e.borrow_mut() = Some(error.clone()));
    d.set_str(vm.intern("LZMAError"), Value::Type(error));

    let compressor = compressor::new_type(vm, "_lzma", "LZMACompressor", compressor_new);
    d.set_str(vm.intern("LZMACompressor"), Value::Type(compressor));
    let decompressor = decompressor::new_type(vm, "_lzma", "LZMADecompressor", decompressor_new);
    decompressor::add_getter(vm, &decompressor, "_lzma", "check", check);
    d.set_str(vm.intern("LZMADecompressor"), Value::Type(decompressor));

    let functions: [(&'static str, NativeFn); 3] = [
        ("is_check_supported", is_check_supported),
        ("_encode_filter_properties", encode_filter_properties),
        ("_decode_filter_properties", decode_filter_properties),
    ];
    for (name, f) in functions {
        add_function(vm, d, "_lzma", name, f);
    }
    let constants: &[(&str, u64)] = &[
        ("FORMAT_AUTO", FORMAT_AUTO as u64),
        ("FORMAT_XZ", FORMAT_XZ as u64),
        ("FORMAT_ALONE", FORMAT_ALONE as u64),
        ("FORMAT_RAW", FORMAT_RAW as u64),
        ("CHECK_NONE", 0),
        ("CHECK_CRC32", 1),
        ("CHECK_CRC64", 4),
        ("CHECK_SHA256", 10),
        ("CHECK_ID_MAX", 15),
        ("CHECK_UNKNOWN", CHECK_UNKNOWN as u64),
        ("FILTER_LZMA1", FILTER_LZMA1),
        ("FILTER_LZMA2", FILTER_LZMA2),
        ("FILTER_DELTA", FILTER_DELTA),
        ("FILTER_X86", FILTER_X86),
        ("FILTER_POWERPC", FILTER_POWERPC),
        ("FILTER_IA64", FILTER_IA64),
        ("FILTER_ARM", FILTER_ARM),
        ("FILTER_ARMTHUMB", FILTER_ARMTHUMB),
        ("FILTER_SPARC", FILTER_SPARC),
        ("MF_HC3", 3),
        ("MF_HC4", 4),
        ("MF_BT2", 18),
        ("MF_BT3", 19),
        ("MF_BT4", 20),
        ("MODE_FAST", 1),
        ("MODE_NORMAL", 2),
        ("PRESET_DEFAULT", PRESET_DEFAULT as u64),
        ("PRESET_EXTREME", 0x8000_0000),
    ];
    for (name, value) in constants {
        d.set_str(vm.intern(name), int_value(*value));
    }
    Ok(())
}
