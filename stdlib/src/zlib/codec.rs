//! The deflate streams behind `zlib`, free of the interpreter: an `Encoder` and a
//! `Decoder` for raw deflate and its zlib (RFC 1950) and gzip (RFC 1952) wrappers,
//! with zlib's window-bits conventions and its error codes and messages.
//!
//! The deflate coding itself is miniz_oxide's (the pure-Rust backend of flate2, used
//! directly because flate2 offers no dictionary, strategy or window size without a C
//! zlib); the wrappers, checksums and preset dictionaries are done here.

use miniz_oxide::deflate::core::{
    compress_to_output, CompressionStrategy, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::inflate_flags::{
    TINFL_FLAG_HAS_MORE_INPUT, TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
};
use miniz_oxide::inflate::core::{decompress_with_limit, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::DataFormat;

/// zlib's return codes that reach Python.
pub const Z_NEED_DICT: i32 = 2;
pub const Z_STREAM_ERROR: i32 = -2;
pub const Z_DATA_ERROR: i32 = -3;
pub const Z_MEM_ERROR: i32 = -4;
pub const Z_BUF_ERROR: i32 = -5;

/// A failure as zlib reports it: its code and message (None where zlib has none).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ZError {
    pub code: i32,
    pub msg: Option<&'static str>,
    /// What was being done, where it is not what the caller was doing (a preset
    /// dictionary is set in the middle of decompressing).
    pub during: Option<&'static str>,
}

impl ZError {
    const fn data(msg: &'static str) -> ZError {
        ZError {
            code: Z_DATA_ERROR,
            msg: Some(msg),
            during: None,
        }
    }

    pub const TRUNCATED: ZError = ZError {
        code: Z_BUF_ERROR,
        msg: Some("incomplete or truncated stream"),
        during: None,
    };

    /// The output could not be held.
    pub const MEMORY: ZError = ZError {
        code: Z_MEM_ERROR,
        msg: Some("insufficient memory"),
        during: None,
    };

    pub const INCONSISTENT: ZError = ZError {
        code: Z_STREAM_ERROR,
        msg: Some("inconsistent stream state"),
        during: None,
    };

    /// CPython's text for the error, `action` being e.g. "decompressing data".
    pub fn describe(&self, action: &str) -> String {
        let action = self.during.unwrap_or(action);
        match self.msg {
            Some(msg) => format!("Error {} while {action}: {msg}", self.code),
            None => format!("Error {} while {action}", self.code),
        }
    }
}

/// `adler32(data)` continued from `start`.
pub fn adler32(start: u32, data: &[u8]) -> u32 {
    let mut sum = adler2::Adler32::from_checksum(start);
    sum.write_slice(data);
    sum.checksum()
}

/// `crc32(data)` continued from `start`.
pub fn crc32(start: u32, data: &[u8]) -> u32 {
    let mut sum = crc32fast::Hasher::new_with_initial(start);
    sum.update(data);
    sum.finalize()
}

/// The wrapper around the deflate data.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Wrapper {
    Raw,
    Zlib,
    Gzip,
    /// Decoding only: gzip if the data starts with gzip's magic, else zlib.
    Auto,
}

/// A `wbits` argument read as zlib reads it: the wrapper and the window's log2 size
/// (0: whatever a zlib header says). None where zlib rejects the value.
pub fn decoding_format(wbits: i64) -> Option<(Wrapper, u8)> {
    let (wrapper, bits) = match wbits {
        -15..=-8 => (Wrapper::Raw, -wbits),
        0..=15 => (Wrapper::Zlib, wbits),
        16..=31 => (Wrapper::Gzip, wbits - 16),
        32..=47 => (Wrapper::Auto, wbits - 32),
        _ => return None,
    };
    (bits == 0 || bits >= 8).then_some((wrapper, bits as u8))
}

/// A `wbits` argument of compression: wrapper and window bits (zlib's 8 is 9), or
/// None where zlib's deflateInit2 rejects it.
pub fn encoding_format(wbits: i64) -> Option<(Wrapper, u8)> {
    match wbits {
        -15..=-9 => Some((Wrapper::Raw, (-wbits) as u8)),
        8 => Some((Wrapper::Zlib, 9)),
        9..=15 => Some((Wrapper::Zlib, wbits as u8)),
        25..=31 => Some((Wrapper::Gzip, (wbits - 16) as u8)),
        _ => None,
    }
}

/// How much of the output back references can reach.
const WINDOW: usize = 32 * 1024;
/// How much output one inflate step makes at most.
const CHUNK: usize = 64 * 1024;

/// Raw inflate over a linear history buffer, so that a reference before the start
/// of the data (or of the preset dictionary) is an error, not garbage.
#[derive(Clone)]
struct Inflate {
    core: Box<DecompressorOxide>,
    /// At least the last `WINDOW` bytes of output (at first, the dictionary's).
    history: Vec<u8>,
}

/// Where an inflate step stopped.
#[derive(PartialEq)]
enum Stop {
    /// All input is used and the stream goes on.
    NeedInput,
    /// The output limit was reached.
    Full,
    /// The deflate data ended.
    End,
}

impl Inflate {
    fn new(dict: &[u8]) -> Inflate {
        Inflate {
            core: Box::default(),
            history: dict[dict.len().saturating_sub(WINDOW)..].to_vec(),
        }
    }

    /// Inflate `input` onto `out`, whose length may grow to `limit`; returns the
    /// input used and why it stopped.
    fn run(
        &mut self,
        input: &[u8],
        out: &mut Vec<u8>,
        limit: usize,
    ) -> Result<(usize, Stop), ZError> {
        let mut used = 0;
        loop {
            let room = limit.saturating_sub(out.len());
            if room == 0 {
                return Ok((used, Stop::Full));
            }
            let start = self.history.len();
            self.history.resize(start + room.min(CHUNK), 0);
            let (status, read, wrote) = decompress_with_limit(
                &mut self.core,
                &input[used..],
                &mut self.history,
                start,
                room,
                TINFL_FLAG_HAS_MORE_INPUT | TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
            );
            used += read;
            self.history.truncate(start + wrote);
            out.try_reserve(wrote).map_err(|_| ZError::MEMORY)?;
            out.extend_from_slice(&self.history[start..]);
            if self.history.len() > 2 * WINDOW {
                self.history.drain(..self.history.len() - WINDOW);
            }
            match status {
                TINFLStatus::Done => return Ok((used, Stop::End)),
                TINFLStatus::NeedsMoreInput => return Ok((used, Stop::NeedInput)),
                TINFLStatus::HasMoreOutput => {}
                // miniz_oxide does not say what was wrong with the data.
                _ => return Err(ZError::data("invalid deflate data")),
            }
        }
    }
}

/// Where a decoder is in its stream.
#[derive(Clone, Copy, PartialEq)]
enum Stage {
    Header,
    Body,
    Trailer,
    End,
}

/// A wrapped or raw deflate stream being decoded, fed in pieces.
#[derive(Clone)]
pub struct Decoder {
    wrapper: Wrapper,
    window_bits: u8,
    stage: Stage,
    /// A header or trailer read so far.
    pending: Vec<u8>,
    inflate: Inflate,
    /// The preset dictionary a zlib header may ask for.
    dict: Vec<u8>,
    /// The running check of the output (adler32 for zlib, crc32 for gzip) and its
    /// length mod 2**32.
    check: u32,
    size: u32,
    /// The error that stopped the stream, given again on every later call.
    failed: Option<ZError>,
}

impl Decoder {
    pub fn new(wrapper: Wrapper, window_bits: u8, dict: &[u8]) -> Decoder {
        let raw = wrapper == Wrapper::Raw;
        Decoder {
            wrapper,
            window_bits,
            stage: if raw { Stage::Body } else { Stage::Header },
            pending: Vec::new(),
            // A raw stream starts from the dictionary; a zlib one asks for it.
            inflate: Inflate::new(if raw { dict } else { &[] }),
            dict: dict.to_vec(),
            check: 0,
            size: 0,
            failed: None,
        }
    }

    pub fn is_done(&self) -> bool {
        self.stage == Stage::End
    }

    /// Decode from `input`, appending to `out` until its length is `limit`; returns
    /// how much input was used. Input after the end of the stream is left unused.
    pub fn feed(&mut self, input: &[u8], out: &mut Vec<u8>, limit: usize) -> Result<usize, ZError> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        let result = self.feed_stages(input, out, limit);
        if let Err(e) = result {
            self.failed = Some(e);
        }
        result
    }

    fn feed_stages(
        &mut self,
        input: &[u8],
        out: &mut Vec<u8>,
        limit: usize,
    ) -> Result<usize, ZError> {
        let mut pos = 0;
        loop {
            match self.stage {
                Stage::End => return Ok(pos),
                Stage::Header | Stage::Trailer => {
                    let Some(used) = self.take_framing(&input[pos..])? else {
                        return Ok(input.len());
                    };
                    pos += used;
                }
                Stage::Body => {
                    let start = out.len();
                    let (used, stop) = self.inflate.run(&input[pos..], out, limit)?;
                    pos += used;
                    let produced = &out[start..];
                    self.size = self.size.wrapping_add(produced.len() as u32);
                    match self.wrapper {
                        Wrapper::Zlib => self.check = adler32(self.check, produced),
                        Wrapper::Gzip => self.check = crc32(self.check, produced),
                        Wrapper::Raw | Wrapper::Auto => {}
                    }
                    match stop {
                        Stop::End if self.wrapper == Wrapper::Raw => self.stage = Stage::End,
                        Stop::End => self.stage = Stage::Trailer,
                        Stop::NeedInput | Stop::Full => return Ok(pos),
                    }
                }
            }
        }
    }

    /// Read a header or trailer from the start of `input` (after what was read
    /// before): the bytes of `input` it used once it is complete, else None with
    /// all of `input` kept.
    fn take_framing(&mut self, input: &[u8]) -> Result<Option<usize>, ZError> {
        let before = self.pending.len();
        let mut taken = 0;
        loop {
            // Headers are short but for gzip's optional fields: take a little, then
            // twice what is held, so a long name is read in few passes.
            let take = (input.len() - taken).min(self.pending.len().max(256));
            self.pending.extend_from_slice(&input[taken..taken + take]);
            taken += take;
            let complete = match self.stage {
                Stage::Header => self.read_header()?,
                _ => self.read_trailer()?,
            };
            if let Some(len) = complete {
                self.pending.clear();
                return Ok(Some(len - before));
            }
            if taken == input.len() {
                return Ok(None);
            }
        }
    }

    /// The length of the header in `pending` once it is all there; moves on to the
    /// body.
    fn read_header(&mut self) -> Result<Option<usize>, ZError> {
        let h = &self.pending;
        if self.wrapper == Wrapper::Auto {
            if h.len() < 2 {
                return Ok(None);
            }
            self.wrapper = if h[..2] == [0x1f, 0x8b] {
                Wrapper::Gzip
            } else {
                Wrapper::Zlib
            };
        }
        let len = match self.wrapper {
            Wrapper::Gzip => gzip_header_len(h)?,
            _ => self.zlib_header_len()?,
        };
        if len.is_some() {
            self.stage = Stage::Body;
            self.check = if self.wrapper == Wrapper::Zlib { 1 } else { 0 };
        }
        Ok(len)
    }

    fn zlib_header_len(&mut self) -> Result<Option<usize>, ZError> {
        let h = &self.pending;
        if h.len() < 2 {
            return Ok(None);
        }
        let (cmf, flg) = (h[0], h[1]);
        if (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 {
            return Err(ZError::data("incorrect header check"));
        }
        if cmf & 0x0f != 8 {
            return Err(ZError::data("unknown compression method"));
        }
        let bits = (cmf >> 4) + 8;
        if bits > 15 || (self.window_bits != 0 && bits > self.window_bits) {
            return Err(ZError::data("invalid window size"));
        }
        if flg & 0x20 == 0 {
            return Ok(Some(2));
        }
        if h.len() < 6 {
            return Ok(None);
        }
        let wanted = u32::from_be_bytes([h[2], h[3], h[4], h[5]]);
        if self.dict.is_empty() {
            return Err(ZError {
                code: Z_NEED_DICT,
                msg: None,
                during: None,
            });
        }
        if adler32(1, &self.dict) != wanted {
            return Err(ZError {
                during: Some("setting zdict"),
                ..ZError::data("invalid input data")
            });
        }
        self.inflate = Inflate::new(&self.dict);
        Ok(Some(6))
    }

    /// The length of the trailer in `pending` once it is all there, checked; ends
    /// the stream.
    fn read_trailer(&mut self) -> Result<Option<usize>, ZError> {
        let t = &self.pending;
        let word = |i: usize| [t[i], t[i + 1], t[i + 2], t[i + 3]];
        let len = match self.wrapper {
            Wrapper::Gzip => {
                if t.len() < 8 {
                    return Ok(None);
                }
                if u32::from_le_bytes(word(0)) != self.check {
                    return Err(ZError::data("incorrect data check"));
                }
                if u32::from_le_bytes(word(4)) != self.size {
                    return Err(ZError::data("incorrect length check"));
                }
                8
            }
            _ => {
                if t.len() < 4 {
                    return Ok(None);
                }
                if u32::from_be_bytes(word(0)) != self.check {
                    return Err(ZError::data("incorrect data check"));
                }
                4
            }
        };
        self.stage = Stage::End;
        Ok(Some(len))
    }
}

/// The length of the gzip header at the start of `h`, once it is all there.
fn gzip_header_len(h: &[u8]) -> Result<Option<usize>, ZError> {
    const FHCRC: u8 = 2;
    const FEXTRA: u8 = 4;
    const FNAME: u8 = 8;
    const FCOMMENT: u8 = 16;
    if h.len() >= 2 && h[..2] != [0x1f, 0x8b] {
        return Err(ZError::data("incorrect header check"));
    }
    if h.len() >= 3 && h[2] != 8 {
        return Err(ZError::data("unknown compression method"));
    }
    if h.len() >= 4 && h[3] & 0xe0 != 0 {
        return Err(ZError::data("unknown header flags set"));
    }
    if h.len() < 10 {
        return Ok(None);
    }
    let flags = h[3];
    let mut pos = 10;
    if flags & FEXTRA != 0 {
        let Some(xlen) = h.get(pos..pos + 2) else {
            return Ok(None);
        };
        pos += 2 + usize::from(u16::from_le_bytes([xlen[0], xlen[1]]));
    }
    for field in [FNAME, FCOMMENT] {
        if flags & field != 0 {
            let Some(nul) = h
                .get(pos..)
                .and_then(|rest| rest.iter().position(|&b| b == 0))
            else {
                return Ok(None);
            };
            pos += nul + 1;
        }
    }
    if flags & FHCRC != 0 {
        let Some(stored) = h.get(pos..pos + 2) else {
            return Ok(None);
        };
        if u16::from_le_bytes([stored[0], stored[1]]) != crc32(0, &h[..pos]) as u16 {
            return Err(ZError::data("header crc mismatch"));
        }
        pos += 2;
    }
    Ok((pos <= h.len()).then_some(pos))
}

/// zlib's flush modes, as the numbers Python passes.
pub fn flush_mode(mode: i64) -> Option<TDEFLFlush> {
    Some(match mode {
        0 => TDEFLFlush::None,
        1 => TDEFLFlush::Partial,
        2 => TDEFLFlush::Sync,
        3 => TDEFLFlush::Full,
        4 => TDEFLFlush::Finish,
        // Z_BLOCK: the block is ended without a marker, which may leave bits over.
        5 => TDEFLFlush::NoSync,
        _ => return None,
    })
}

pub const NO_FLUSH: TDEFLFlush = TDEFLFlush::None;
pub const FINISH: TDEFLFlush = TDEFLFlush::Finish;

/// Why a compressor could not be made.
pub enum BadInit {
    /// A setting zlib's deflateInit2 rejects.
    Settings,
    /// A dictionary with gzip's wrapper, which has no place for one.
    Dictionary,
}

/// The settings of a compressor, checked as zlib's deflateInit2 checks them.
pub struct Settings {
    /// -1 (zlib's default, 6) to 9.
    pub level: i64,
    pub wbits: i64,
    pub mem_level: i64,
    pub strategy: i64,
}

/// A deflate stream being encoded, with its wrapper.
#[derive(Clone)]
pub struct Encoder {
    core: Box<CompressorOxide>,
    wrapper: Wrapper,
    /// The header, until the first output.
    header: Option<Vec<u8>>,
    check: u32,
    size: u32,
    finished: bool,
}

impl Encoder {
    pub fn new(s: &Settings, dict: &[u8]) -> Result<Encoder, BadInit> {
        let (wrapper, window_bits) = encoding_format(s.wbits).ok_or(BadInit::Settings)?;
        let level = match s.level {
            -1 => 6,
            0..=9 => s.level as u8,
            _ => return Err(BadInit::Settings),
        };
        if !(1..=9).contains(&s.mem_level) {
            return Err(BadInit::Settings);
        }
        let strategy = match s.strategy {
            0 => CompressionStrategy::Default,
            1 => CompressionStrategy::Filtered,
            2 => CompressionStrategy::HuffmanOnly,
            3 => CompressionStrategy::RLE,
            4 => CompressionStrategy::Fixed,
            _ => return Err(BadInit::Settings),
        };
        if wrapper == Wrapper::Gzip && !dict.is_empty() {
            return Err(BadInit::Dictionary);
        }
        let mut core = Box::new(CompressorOxide::with_params(
            DataFormat::Raw,
            level,
            strategy,
            window_bits,
        ));
        if !dict.is_empty() {
            // The dictionary is compressed and its output dropped: the compressor's
            // window then holds it, and what follows starts on a byte boundary.
            let window = &dict[dict.len().saturating_sub(WINDOW)..];
            compress_to_output(&mut core, window, TDEFLFlush::Sync, |_| true);
        }
        let huffman_only = s.strategy >= 2;
        let header = match wrapper {
            Wrapper::Raw | Wrapper::Auto => None,
            Wrapper::Zlib => {
                let cmf = 8 | (window_bits - 8) << 4;
                let level_flag = match level {
                    _ if huffman_only || level < 2 => 0,
                    2..=5 => 1,
                    6 => 2,
                    _ => 3,
                };
                let mut flg = level_flag << 6;
                if !dict.is_empty() {
                    flg |= 0x20;
                }
                flg += 31 - ((u16::from(cmf) << 8 | u16::from(flg)) % 31) as u8;
                let mut h = vec![cmf, flg];
                if !dict.is_empty() {
                    h.extend_from_slice(&adler32(1, dict).to_be_bytes());
                }
                Some(h)
            }
            Wrapper::Gzip => {
                let extra_flags = match level {
                    9 => 2,
                    _ if huffman_only || level < 2 => 4,
                    _ => 0,
                };
                // Magic, deflate, no flags, no time, and Unix as the system.
                Some(vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, extra_flags, 3])
            }
        };
        Ok(Encoder {
            core,
            wrapper,
            header,
            check: if wrapper == Wrapper::Zlib { 1 } else { 0 },
            size: 0,
            finished: false,
        })
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// Compress `data` onto `out` and flush as `flush` says; an error once the
    /// stream has been finished.
    pub fn compress(
        &mut self,
        data: &[u8],
        flush: TDEFLFlush,
        out: &mut Vec<u8>,
    ) -> Result<(), ZError> {
        if self.finished {
            return Err(ZError::INCONSISTENT);
        }
        if let Some(h) = self.header.take() {
            out.extend_from_slice(&h);
        }
        match self.wrapper {
            Wrapper::Zlib => self.check = adler32(self.check, data),
            Wrapper::Gzip => self.check = crc32(self.check, data),
            Wrapper::Raw | Wrapper::Auto => {}
        }
        self.size = self.size.wrapping_add(data.len() as u32);
        let mut used = 0;
        let mut out_of_memory = false;
        loop {
            let (status, read) = compress_to_output(&mut self.core, &data[used..], flush, |b| {
                out_of_memory = out.try_reserve(b.len()).is_err();
                if !out_of_memory {
                    out.extend_from_slice(b);
                }
                !out_of_memory
            });
            used += read;
            match status {
                TDEFLStatus::Okay if used < data.len() => {}
                TDEFLStatus::Okay | TDEFLStatus::Done => break,
                TDEFLStatus::PutBufFailed if out_of_memory => return Err(ZError::MEMORY),
                TDEFLStatus::BadParam | TDEFLStatus::PutBufFailed => {
                    return Err(ZError::INCONSISTENT)
                }
            }
        }
        if flush == TDEFLFlush::Finish {
            self.finished = true;
            match self.wrapper {
                Wrapper::Zlib => out.extend_from_slice(&self.check.to_be_bytes()),
                Wrapper::Gzip => {
                    out.extend_from_slice(&self.check.to_le_bytes());
                    out.extend_from_slice(&self.size.to_le_bytes());
                }
                Wrapper::Raw | Wrapper::Auto => {}
            }
        }
        Ok(())
    }
}
