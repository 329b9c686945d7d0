//! `_textio`: the decoding, line-splitting and encoding engine of `_io.TextIOWrapper`.
//!
//! A `TextState` holds what a text stream has decoded but not yet returned, the bytes
//! of an incomplete character, and the encoded text not yet handed to the buffer.
//! UTF-8, Latin-1 and ASCII with `errors='strict'` are decoded and encoded here;
//! every other codec (and every decoding error, so that its exception is CPython's)
//! goes through the Python callables the wrapper passes. The decoded text is kept as
//! read, before newline translation, so that `tell` can count the bytes still unread.
//!
//! `readline`, `__next__`, `read` and `write` are methods of `TextIOWrapper` itself
//! (they find the state in the instance's `_state`): iterating a file costs no Python
//! frame per line. No borrow of a state is held across a call into Python (the
//! buffer's `read1` / `write`, a codec): each call-out is made with the borrow dropped,
//! and the state is re-read after it. Depends on core's public API and `memchr`.

use std::cell::RefCell;
use std::rc::Rc;
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{add_function, arg_int, check_args, native_type, no_kwargs};
use tripwire_core::object::function::{BuiltinKind, KwArg};
use tripwire_core::object::{
    Builtin, Dict, NativeFn, ObjKind, Object, PyCell, PyStr, TypeRef, Value,
};
use tripwire_core::{PyErr, PyResult, Vm};

/// The codecs done natively (with `errors='strict'`); `Python` uses the callables.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Latin1,
    Ascii,
    Python,
}

/// How lines end on input (`newline=`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Newline {
    /// None: '\n', '\r' and '\r\n' end lines and are returned as '\n'.
    Universal,
    /// '': the same endings, returned untranslated.
    Untranslated,
    /// '\n', '\r' or '\r\n': only that ending.
    Only(&'static str),
}

/// Newline kinds seen while reading, numbered as CPython's newline decoder does
/// (`TextIOWrapper.newlines` indexes a table with them).
const SEEN_LF: u8 = 1;
const SEEN_CR: u8 = 2;
const SEEN_CRLF: u8 = 4;

/// The buffer's methods a text stream calls.
struct BufferMethods {
    read: Value,
    write: Value,
    flush: Value,
    seek: Value,
    tell: Value,
}

struct TextState {
    buffer: BufferMethods,
    decode: Value,
    encode: Value,
    unsupported: Value,
    codec: Codec,
    newline: Newline,
    /// What '\n' becomes on output (None: unchanged).
    write_newline: Option<&'static str>,
    chunk: usize,
    line_buffering: bool,
    write_through: bool,
    readable: bool,
    writable: bool,
    seekable: bool,
    /// Decoded text, untranslated; `pos` is the byte offset of the unread part.
    /// Lone surrogates (a codec's `surrogateescape`) show as U+FFFD here.
    decoded: String,
    /// The same text in generalized UTF-8 while it holds lone surrogates: each is
    /// as long as the U+FFFD that stands for it in `decoded`, so offsets found in
    /// `decoded` hold here, and the text returned is cut from this copy.
    exact: Option<Vec<u8>>,
    pos: usize,
    /// Bytes of a character whose end has not been read yet (native UTF-8).
    undecoded: Vec<u8>,
    eof: bool,
    /// Encoded text not yet written to the buffer.
    pending: Vec<u8>,
    /// False while `__next__` iterates (CPython refuses `tell` then).
    telling: bool,
    closed: bool,
    seen: u8,
}

/// The native data of a state object: the state behind a RefCell, since native
/// data is reached through shared references only.
struct StateCell(RefCell<TextState>);

fn is_state(o: &Object) -> bool {
    matches!(&o.kind, ObjKind::Native(cell) if (**cell.borrow()).as_any().is::<StateCell>())
}

/// Run `f` on the state in `obj` (checked by `state_of` to hold one).
fn with<R>(obj: &Object, f: impl FnOnce(&mut TextState) -> R) -> R {
    let ObjKind::Native(cell) = &obj.kind else {
        unreachable!("state_of returns text states only")
    };
    let data = cell.borrow();
    let Some(state) = (**data).as_any().downcast_ref::<StateCell>() else {
        unreachable!("state_of returns text states only")
    };
    let mut st = state.0.borrow_mut();
    f(&mut st)
}

/// The state of a TextIOWrapper (its `_state` attribute), or a state passed
/// directly.
fn state_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<Object>> {
    let found = match v {
        Value::Obj(o) if is_state(o) => Some(o.clone()),
        Value::Instance(i) => match i
            .dict
            .as_ref()
            .and_then(|d| d.get_str(&PyStr::new("_state")))
        {
            Some(Value::Obj(o)) if is_state(&o) => Some(o),
            _ => None,
        },
        _ => None,
    };
    match found {
        Some(o) => Ok(o),
        None => Err(vm.value_error("I/O operation on uninitialized object")),
    }
}

/// What a step of reading found, decided under the borrow and acted on after it.
enum Step {
    Got(Value),
    More,
    Closed,
    NotReadable,
}

/// The length in bytes of the unread text that makes `n` chars once line endings
/// are translated (`universal`: "\r\n" is one); None when more must be read first.
fn output_prefix(unread: &str, n: usize, universal: bool, eof: bool) -> Option<usize> {
    let b = unread.as_bytes();
    let mut i = 0;
    for _ in 0..n {
        let Some(&lead) = b.get(i) else {
            return eof.then_some(i);
        };
        i += match lead {
            b'\r' if universal => {
                if i + 1 == b.len() && !eof {
                    return None;
                }
                if b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                }
            }
            0..=0x7f => 1,
            0x80..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
    }
    Some(i)
}

/// The length in bytes of the first `n` chars of `text`, if it has that many.
fn chars_prefix(text: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    text.char_indices()
        .nth(n)
        .map(|(i, _)| i)
        .or_else(|| (text.chars().count() == n).then_some(text.len()))
}

impl TextState {
    /// Append decoded text, dropping what was already returned.
    fn push(&mut self, s: &str) {
        self.drop_returned();
        self.decoded.push_str(s);
        if let Some(exact) = self.exact.as_mut() {
            exact.extend_from_slice(s.as_bytes());
        }
    }

    /// Append text a Python codec decoded, lone surrogates kept.
    fn push_str(&mut self, s: &PyStr) {
        if !s.has_surrogates() {
            return self.push(s.as_str());
        }
        self.drop_returned();
        let decoded = &self.decoded;
        let exact = self
            .exact
            .get_or_insert_with(|| decoded.as_bytes().to_vec());
        exact.extend_from_slice(s.wtf8());
        self.decoded.push_str(s.as_str());
    }

    fn drop_returned(&mut self) {
        if self.pos > 0 {
            self.decoded.drain(..self.pos);
            if let Some(exact) = self.exact.as_mut() {
                exact.drain(..self.pos);
            }
            self.pos = 0;
        }
        if self.decoded.is_empty() {
            self.exact = None;
        }
    }

    /// The decoded text's bytes, exact (generalized UTF-8 when it holds lone
    /// surrogates).
    fn exact_bytes(&self) -> &[u8] {
        self.exact.as_deref().unwrap_or(self.decoded.as_bytes())
    }

    /// The str of `exact_bytes()[range]` (a range `decoded` has at character
    /// boundaries).
    fn text_at(&self, range: std::ops::Range<usize>) -> Value {
        match &self.exact {
            Some(exact) => Value::Str(Rc::new(PyStr::from_wtf8(exact[range].to_vec()))),
            None => Value::from_string(self.decoded[range].to_string()),
        }
    }

    /// Where the next line of the unread text ends (a byte offset past `pos`), at
    /// most `limit` chars in; None when more text must be read to know.
    fn line_end(&self, limit: Option<usize>) -> Option<usize> {
        let text = &self.decoded.as_bytes()[self.pos..];
        let found = match self.newline {
            Newline::Only("\n") => memchr::memchr(b'\n', text).map(|i| i + 1),
            Newline::Only("\r") => memchr::memchr(b'\r', text).map(|i| i + 1),
            Newline::Only(_) => match memchr::memmem::find(text, b"\r\n") {
                Some(i) => Some(i + 2),
                None if text.last() == Some(&b'\r') && !self.eof => return None,
                None => None,
            },
            Newline::Universal | Newline::Untranslated => match memchr::memchr2(b'\r', b'\n', text)
            {
                Some(i) if text[i] == b'\n' => Some(i + 1),
                Some(i) if i + 1 < text.len() => {
                    Some(if text[i + 1] == b'\n' { i + 2 } else { i + 1 })
                }
                Some(i) if self.eof => Some(i + 1),
                Some(_) => return None,
                None => None,
            },
        };
        if let Some(n) = limit {
            let unread = &self.decoded[self.pos..];
            if let Some(cut) = chars_prefix(unread, n) {
                if found.is_none_or(|e| e > cut) {
                    return Some(cut);
                }
            }
        }
        match found {
            Some(end) => Some(end),
            None if self.eof => Some(text.len()),
            None => None,
        }
    }

    /// Return the unread text up to `end` bytes past `pos`, line endings translated
    /// as `newline` says.
    fn take(&mut self, end: usize) -> Value {
        let start = self.pos;
        self.pos += end;
        let translate = self.newline == Newline::Universal;
        let track = matches!(self.newline, Newline::Universal | Newline::Untranslated);
        if !track {
            return self.text_at(start..start + end);
        }
        let raw = &self.exact_bytes()[start..start + end];
        // Line ends are ASCII: cutting the bytes there keeps every character whole.
        let mut seen = 0;
        let mut out = Vec::with_capacity(raw.len());
        let mut rest = raw;
        while let Some(i) = memchr::memchr2(b'\r', b'\n', rest) {
            let (ending, len) = if rest[i] == b'\n' {
                (SEEN_LF, 1)
            } else if rest.get(i + 1) == Some(&b'\n') {
                (SEEN_CRLF, 2)
            } else {
                (SEEN_CR, 1)
            };
            seen |= ending;
            out.extend_from_slice(&rest[..i]);
            out.extend_from_slice(if translate { b"\n" } else { &rest[i..i + len] });
            rest = &rest[i + len..];
        }
        out.extend_from_slice(rest);
        self.seen |= seen;
        if self.exact.is_some() {
            return Value::Str(Rc::new(PyStr::from_wtf8(out)));
        }
        // SAFETY: the bytes of a str, cut only next to ASCII line ends.
        Value::from_string(unsafe { String::from_utf8_unchecked(out) })
    }

    /// The next line (limited to `limit` chars), or what stops it.
    fn next_line(&mut self, limit: Option<usize>) -> Step {
        if self.closed {
            return Step::Closed;
        }
        if !self.readable {
            return Step::NotReadable;
        }
        match self.line_end(limit) {
            Some(end) => {
                let text = &self.decoded[self.pos..self.pos + end];
                let line = if self.newline == Newline::Only("\n")
                    || !text.contains('\r') && self.newline != Newline::Untranslated
                {
                    if text.ends_with('\n') && self.newline == Newline::Universal {
                        self.seen |= SEEN_LF;
                    }
                    let line = self.text_at(self.pos..self.pos + end);
                    self.pos += end;
                    line
                } else {
                    self.take(end)
                };
                Step::Got(line)
            }
            None => Step::More,
        }
    }
}

/// Decode `bytes` (the last of the stream when `last`) onto the unread text.
fn decode_into(vm: &mut Vm, obj: &Object, bytes: Vec<u8>, last: bool) -> PyResult<()> {
    let through_python = with(obj, |st| {
        if last {
            st.eof = true;
        }
        match st.codec {
            Codec::Utf8 => {
                let buf = if st.undecoded.is_empty() {
                    bytes
                } else {
                    let mut b = std::mem::take(&mut st.undecoded);
                    b.extend_from_slice(&bytes);
                    b
                };
                match std::str::from_utf8(&buf) {
                    Ok(s) => {
                        st.push(s);
                        None
                    }
                    Err(e) if e.error_len().is_none() && !last => {
                        let valid = e.valid_up_to();
                        // The prefix up to `valid_up_to` is valid UTF-8.
                        let text = std::str::from_utf8(&buf[..valid]).unwrap_or_default();
                        st.push(text);
                        st.undecoded = buf[valid..].to_vec();
                        None
                    }
                    Err(_) => Some((st.decode.clone(), buf)),
                }
            }
            Codec::Latin1 => {
                let text: String = bytes.iter().map(|&b| b as char).collect();
                st.push(&text);
                None
            }
            Codec::Ascii if bytes.is_ascii() => {
                // ASCII is valid UTF-8.
                st.push(std::str::from_utf8(&bytes).unwrap_or_default());
                None
            }
            Codec::Ascii | Codec::Python => Some((st.decode.clone(), bytes)),
        }
    });
    if let Some((decode, bytes)) = through_python {
        let text = vm.call(&decode, &[new_bytes(bytes), Value::Bool(last)], &[])?;
        let Value::Str(s) = &text else {
            return Err(vm.type_error(format!(
                "decoder should return a string result, not '{}'",
                vm.type_name(&text)
            )));
        };
        with(obj, |st| st.push_str(s));
    }
    Ok(())
}

/// Read and decode one more chunk from the buffer; false at end of file.
fn refill(vm: &mut Vm, obj: &Object) -> PyResult<bool> {
    let (read, chunk) = with(obj, |st| (st.buffer.read.clone(), st.chunk));
    let data = vm.call(&read, &[Value::Int(chunk as i64)], &[])?;
    if data.is_none() {
        return Ok(false);
    }
    let Some(bytes) = bytes_like(&data) else {
        return Err(vm.type_error(format!(
            "underlying read1() should have returned a bytes-like object, not '{}'",
            vm.type_name(&data)
        )));
    };
    let last = bytes.is_empty();
    decode_into(vm, obj, bytes, last)?;
    Ok(!last)
}

/// Hand the encoded text not yet written to the buffer.
fn flush_pending(vm: &mut Vm, obj: &Object) -> PyResult<()> {
    let (write, pending) = with(obj, |st| {
        (st.buffer.write.clone(), std::mem::take(&mut st.pending))
    });
    if !pending.is_empty() {
        vm.call(&write, &[new_bytes(pending)], &[])?;
    }
    Ok(())
}

fn closed_error(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

fn unsupported(vm: &mut Vm, obj: &Object, what: &str) -> PyErr {
    let cls = with(obj, |st| st.unsupported.clone());
    match vm.call(&cls, &[Value::str(what)], &[]) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// The next line, at most `limit` chars; '' at end of file.
fn read_line(vm: &mut Vm, obj: &Object, limit: Option<usize>) -> PyResult<Value> {
    if with(obj, |st| !st.pending.is_empty()) {
        flush_pending(vm, obj)?;
    }
    loop {
        match with(obj, |st| st.next_line(limit)) {
            Step::Got(line) => return Ok(line),
            Step::More => {
                refill(vm, obj)?;
            }
            Step::Closed => return Err(closed_error(vm)),
            Step::NotReadable => return Err(unsupported(vm, obj, "not readable")),
        }
    }
}

/// A size argument: None or negative for "all".
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => {
            let n = arg_int(vm, v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

/// `TextIOWrapper.readline(size=-1, /)`.
fn readline(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "readline", kw)?;
    check_args(vm, "readline", args, 1, 2)?;
    let obj = state_of(vm, &args[0])?;
    let limit = size_arg(vm, args.get(1))?;
    read_line(vm, &obj, limit)
}

/// `TextIOWrapper.__next__`: the next line; StopIteration at end of file. `tell` is
/// refused until the iteration ends.
fn next(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "__next__", kw)?;
    check_args(vm, "__next__", args, 1, 1)?;
    let obj = state_of(vm, &args[0])?;
    with(&obj, |st| st.telling = false);
    let line = read_line(vm, &obj, None)?;
    if matches!(&line, Value::Str(s) if s.as_str().is_empty()) {
        with(&obj, |st| st.telling = true);
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

/// `TextIOWrapper.read(size=-1, /)`.
fn read(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "read", kw)?;
    check_args(vm, "read", args, 1, 2)?;
    let obj = state_of(vm, &args[0])?;
    let size = size_arg(vm, args.get(1))?;
    match with(&obj, |st| (st.closed, st.readable)) {
        (true, _) => return Err(closed_error(vm)),
        (_, false) => return Err(unsupported(vm, &obj, "not readable")),
        _ => {}
    }
    if with(&obj, |st| !st.pending.is_empty()) {
        flush_pending(vm, &obj)?;
    }
    loop {
        let ready = with(&obj, |st| {
            let unread = &st.decoded[st.pos..];
            match size {
                None => st.eof.then_some(unread.len()),
                Some(n) => output_prefix(unread, n, st.newline == Newline::Universal, st.eof),
            }
        });
        match ready {
            Some(end) => return Ok(with(&obj, |st| st.take(end))),
            None => {
                refill(vm, &obj)?;
            }
        }
    }
}

/// Text to bytes: natively, or None when the Python encoder must do it.
fn encode_native(codec: Codec, text: &str) -> Option<Vec<u8>> {
    match codec {
        Codec::Utf8 => Some(text.as_bytes().to_vec()),
        Codec::Ascii if text.is_ascii() => Some(text.as_bytes().to_vec()),
        Codec::Latin1 => text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).ok())
            .collect(),
        Codec::Ascii | Codec::Python => None,
    }
}

/// How many bytes of the stream the unread text came from; None when only the
/// Python encoder can say.
fn unread_bytes(st: &TextState) -> Option<usize> {
    let unread = &st.decoded[st.pos..];
    let text_bytes = match st.codec {
        Codec::Utf8 | Codec::Ascii => unread.len(),
        Codec::Latin1 => unread.chars().count(),
        Codec::Python => return None,
    };
    Some(text_bytes + st.undecoded.len())
}

/// The stream position of the first unread character: the buffer's position less
/// what was read ahead.
fn unread_start(vm: &mut Vm, obj: &Object) -> PyResult<i64> {
    let tell = with(obj, |st| st.buffer.tell.clone());
    let pos = vm.call(&tell, &[], &[])?;
    let pos = arg_int(vm, &pos)?;
    let (ahead, encode, rest) = with(obj, |st| {
        (
            unread_bytes(st),
            st.encode.clone(),
            st.text_at(st.pos..st.exact_bytes().len()),
        )
    });
    let ahead = match ahead {
        Some(n) => n as i64,
        None => {
            let bytes = vm.call(&encode, &[rest], &[])?;
            bytes_like(&bytes).map_or(0, |b| b.len() as i64)
        }
    };
    Ok(pos - ahead)
}

/// Forget what was read ahead.
fn clear_read_ahead(st: &mut TextState) {
    st.decoded.clear();
    st.exact = None;
    st.pos = 0;
    st.undecoded.clear();
    st.eof = false;
}

/// `s` with each '\n' written as `newline`, lone surrogates kept.
fn with_newline(s: &Rc<PyStr>, newline: Option<&str>) -> Value {
    let Some(nl) = newline else {
        return Value::Str(s.clone());
    };
    let mut out = Vec::with_capacity(s.wtf8().len());
    for &b in s.wtf8() {
        if b == b'\n' {
            out.extend_from_slice(nl.as_bytes());
        } else {
            out.push(b);
        }
    }
    Value::from_wtf8(out)
}

/// `TextIOWrapper.write(s, /)`: the number of characters written.
fn write(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "write", kw)?;
    check_args(vm, "write", args, 2, 2)?;
    let obj = state_of(vm, &args[0])?;
    let Value::Str(s) = &args[1] else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let (closed, writable, read_ahead) = with(&obj, |st| {
        (
            st.closed,
            st.writable,
            st.pos < st.decoded.len() || !st.undecoded.is_empty() || st.eof,
        )
    });
    if closed {
        return Err(closed_error(vm));
    }
    if !writable {
        return Err(unsupported(vm, &obj, "not writable"));
    }
    if read_ahead {
        // Writing goes where reading stopped, not where the buffer read ahead to.
        let at = unread_start(vm, &obj)?;
        let seek = with(&obj, |st| st.buffer.seek.clone());
        vm.call(&seek, &[Value::Int(at)], &[])?;
        with(&obj, clear_read_ahead);
    }
    let (codec, write_newline, encode) =
        with(&obj, |st| (st.codec, st.write_newline, st.encode.clone()));
    let text = s.as_str();
    let translated;
    let text = match write_newline {
        Some(nl) if text.contains('\n') => {
            translated = text.replace('\n', nl);
            translated.as_str()
        }
        _ => text,
    };
    // Text with lone surrogates goes to the encoder whole: its error handler decides.
    let bytes = match encode_native(codec, text).filter(|_| !s.has_surrogates()) {
        Some(b) => b,
        None => {
            let whole = if s.has_surrogates() {
                with_newline(s, write_newline)
            } else {
                Value::str(text)
            };
            let b = vm.call(&encode, &[whole], &[])?;
            match bytes_like(&b) {
                Some(b) => b,
                None => {
                    return Err(vm.type_error(format!(
                        "encoder should return a bytes object, not '{}'",
                        vm.type_name(&b)
                    )))
                }
            }
        }
    };
    let line_flush = with(&obj, |st| {
        st.pending.extend_from_slice(&bytes);
        st.line_buffering && (text.contains('\n') || text.contains('\r'))
    });
    let (full, through) = with(&obj, |st| (st.pending.len() >= st.chunk, st.write_through));
    if full || through || line_flush {
        flush_pending(vm, &obj)?;
    }
    if line_flush {
        let flush = with(&obj, |st| st.buffer.flush.clone());
        vm.call(&flush, &[], &[])?;
    }
    Ok(Value::Int(s.char_len() as i64))
}

/// `TextIOWrapper.tell()`: the byte position of the next character to read (the
/// codecs here keep no state between characters, so it is CPython's cookie).
fn tell(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "tell", kw)?;
    check_args(vm, "tell", args, 1, 1)?;
    let obj = state_of(vm, &args[0])?;
    let (closed, seekable, telling) = with(&obj, |st| (st.closed, st.seekable, st.telling));
    if closed {
        return Err(closed_error(vm));
    }
    if !seekable {
        return Err(unsupported(vm, &obj, "underlying stream is not seekable"));
    }
    if !telling {
        return Err(vm.new_error(
            &vm.types.os_error.clone(),
            "telling position disabled by next() call",
        ));
    }
    flush_pending(vm, &obj)?;
    let flush = with(&obj, |st| st.buffer.flush.clone());
    vm.call(&flush, &[], &[])?;
    Ok(Value::Int(unread_start(vm, &obj)?))
}

/// `_flush_pending(state)`: write the encoded text still held to the buffer.
fn flush_pending_fn(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_flush_pending", kw)?;
    check_args(vm, "_flush_pending", args, 1, 1)?;
    let obj = state_of(vm, &args[0])?;
    flush_pending(vm, &obj)?;
    Ok(Value::None)
}

/// `_reset(state)`: after a seek, nothing is read ahead.
fn reset(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_reset", kw)?;
    check_args(vm, "_reset", args, 1, 1)?;
    let obj = state_of(vm, &args[0])?;
    with(&obj, |st| {
        clear_read_ahead(st);
        st.telling = st.seekable;
    });
    Ok(Value::None)
}

/// `_mark_closed(state)`.
fn mark_closed(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_mark_closed", kw)?;
    check_args(vm, "_mark_closed", args, 1, 1)?;
    let obj = state_of(vm, &args[0])?;
    with(&obj, |st| st.closed = true);
    Ok(Value::None)
}

/// `_newlines_seen(state)`: the kinds of line ending read so far (1 '\n', 2 '\r',
/// 4 '\r\n', or-ed).
fn newlines_seen(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_newlines_seen", kw)?;
    check_args(vm, "_newlines_seen", args, 1, 1)?;
    let obj = state_of(vm, &args[0])?;
    Ok(Value::Int(with(&obj, |st| st.seen) as i64))
}

/// `TextState(buffer, decode, encode, unsupported, codec, newline, write_newline,
/// chunk_size, line_buffering, write_through, readable, writable, seekable)`: codec
/// is 'utf-8', 'latin-1', 'ascii' (done natively) or None; decode(bytes, final) and
/// encode(str) are the Python codec's.
fn new_state(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "TextState", kw)?;
    check_args(vm, "TextState", args, 13, 13)?;
    let buffer = &args[0];
    let mut method = |name: &str| vm.get_attr(buffer, &vm.intern(name));
    let buffer = BufferMethods {
        read: match method("read1") {
            Ok(m) => m,
            Err(_) => method("read")?,
        },
        write: method("write")?,
        flush: method("flush")?,
        seek: method("seek")?,
        tell: method("tell")?,
    };
    let codec = match args[4].as_str().map(|s| s.as_str()) {
        Some("utf-8") => Codec::Utf8,
        Some("latin-1") => Codec::Latin1,
        Some("ascii") => Codec::Ascii,
        _ => Codec::Python,
    };
    let newline = match args[5].as_str().map(|s| s.as_str()) {
        None => Newline::Universal,
        Some("") => Newline::Untranslated,
        Some("\r") => Newline::Only("\r"),
        Some("\r\n") => Newline::Only("\r\n"),
        Some(_) => Newline::Only("\n"),
    };
    let write_newline = match args[6].as_str().map(|s| s.as_str()) {
        Some("\r") => Some("\r"),
        Some("\r\n") => Some("\r\n"),
        _ => None,
    };
    let chunk = usize::try_from(arg_int(vm, &args[7])?)
        .unwrap_or(8192)
        .max(1);
    let mut flag = |i: usize| vm.truthy(&args[i]);
    let state = TextState {
        buffer,
        decode: args[1].clone(),
        encode: args[2].clone(),
        unsupported: args[3].clone(),
        codec,
        newline,
        write_newline,
        chunk,
        line_buffering: flag(8)?,
        write_through: flag(9)?,
        readable: flag(10)?,
        writable: flag(11)?,
        seekable: flag(12)?,
        decoded: String::new(),
        exact: None,
        pos: 0,
        undecoded: Vec::new(),
        eof: false,
        pending: Vec::new(),
        telling: false,
        closed: false,
        seen: 0,
    };
    let telling = state.seekable;
    let cell = StateCell(RefCell::new(TextState { telling, ..state }));
    let Some(t) = STATE_TYPE.with(|t| t.borrow().clone()) else {
        return Err(vm.runtime_error("_textio is not initialised"));
    };
    Ok(Value::obj(t, ObjKind::Native(PyCell::new(Box::new(cell)))))
}

/// The methods `TextIOWrapper` takes from here.
const METHODS: &[(&str, NativeFn)] = &[
    ("readline", readline),
    ("__next__", next),
    ("read", read),
    ("write", write),
    ("tell", tell),
];

thread_local! {
    /// The type of text states (one interpreter per thread).
    static STATE_TYPE: RefCell<Option<TypeRef>> = const { RefCell::new(None) };
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let t = native_type(vm, "_io", "TextState", false, None, &[]);
    STATE_TYPE.with(|slot| *slot.borrow_mut() = Some(t.clone()));
    d.set_str(vm.intern("TextState"), Value::Type(t));
    add_function(vm, d, "_textio", "new_state", new_state);
    add_function(vm, d, "_textio", "_flush_pending", flush_pending_fn);
    add_function(vm, d, "_textio", "_reset", reset);
    add_function(vm, d, "_textio", "_mark_closed", mark_closed);
    add_function(vm, d, "_textio", "_newlines_seen", newlines_seen);
    let methods = Dict::new_rc();
    for (name, f) in METHODS {
        let method = Value::Builtin(Rc::new(Builtin {
            name,
            func: *f,
            bound: None,
            kind: BuiltinKind::of_method(name),
            owner: "TextIOWrapper",
            weakrefs: Default::default(),
        }));
        methods.set_str(vm.intern(name), method);
    }
    d.set_str(vm.intern("methods"), Value::Dict(methods));
    Ok(())
}
