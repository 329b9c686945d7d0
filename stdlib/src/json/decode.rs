//! The JSON decoder of `_json`: CPython 3.13's scanner over a str's WTF-8 bytes
//! (strings, objects with their hooks and the key memo, arrays, the constants, numbers
//! through `parse_float` / `parse_int` or natively when those are `float` / `int`),
//! with CPython's messages and positions. Positions are code-point indices at the
//! boundary and byte offsets inside. A failure to find a value is `Fail::Stop`, which
//! becomes StopIteration(position) as CPython's scanner raises. Depends on core's
//! public API.

use std::rc::Rc;
use tripwire_core::object::wtf8;
use tripwire_core::object::{Dict, PyStr, Value};
use tripwire_core::{PyErr, Vm};

/// Why a scan stopped.
pub enum Fail {
    /// No value starts at this byte offset.
    Stop(usize),
    Err(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Err(e)
    }
}

type Scan<T> = Result<T, Fail>;

/// What a scanner was made from (the attributes of CPython's decoder context).
pub struct Context {
    pub strict: bool,
    pub object_hook: Value,
    pub object_pairs_hook: Value,
    pub parse_float: Value,
    pub parse_int: Value,
    pub parse_constant: Value,
    /// `error(msg, doc, pos)` makes the JSONDecodeError to raise.
    pub error: Value,
}

/// One scan of one document.
pub struct Decoder<'a> {
    pub doc: &'a Rc<PyStr>,
    pub ctx: &'a Context,
    pub memo: Rc<Dict>,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Decoder<'_> {
    fn bytes(&self) -> &[u8] {
        self.doc.wtf8()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        let s = self.bytes();
        while i < s.len() && is_ws(s[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.bytes().get(i).copied()
    }

    /// The JSONDecodeError `msg` at byte offset `pos`.
    pub fn error(&self, vm: &mut Vm, msg: &str, pos: usize) -> Fail {
        let index = self.doc.char_index_of_byte(pos) as i64;
        let made = vm.call(
            &self.ctx.error,
            &[
                Value::str(msg),
                Value::Str(self.doc.clone()),
                Value::Int(index),
            ],
            &[],
        );
        Fail::Err(match made {
            Ok(exc) => PyErr::from_value(exc),
            Err(e) => e,
        })
    }

    /// The value starting at byte `i`, and the offset after it.
    pub fn scan(&self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let s = self.bytes();
        let Some(&c) = s.get(i) else {
            return Err(Fail::Stop(i));
        };
        let rest = &s[i..];
        match c {
            b'"' => self.string(vm, i + 1),
            b'{' => {
                vm.enter_native(" while decoding a JSON object from a unicode string")?;
                let r = self.object(vm, i + 1);
                vm.leave_native();
                r
            }
            b'[' => {
                vm.enter_native(" while decoding a JSON array from a unicode string")?;
                let r = self.array(vm, i + 1);
                vm.leave_native();
                r
            }
            b'n' if rest.starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if rest.starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if rest.starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if rest.starts_with(b"NaN") => self.constant(vm, "NaN", i),
            b'I' if rest.starts_with(b"Infinity") => self.constant(vm, "Infinity", i),
            b'-' if rest.starts_with(b"-Infinity") => self.constant(vm, "-Infinity", i),
            _ => self.number(vm, i),
        }
    }

    fn constant(&self, vm: &mut Vm, name: &str, i: usize) -> Scan<(Value, usize)> {
        let v = vm.call(&self.ctx.parse_constant, &[Value::str(name)], &[])?;
        Ok((v, i + name.len()))
    }

    fn number(&self, vm: &mut Vm, start: usize) -> Scan<(Value, usize)> {
        let s = self.bytes();
        let digit = |i: usize| s.get(i).is_some_and(u8::is_ascii_digit);
        let mut i = start;
        if s.get(i) == Some(&b'-') {
            i += 1;
        }
        match s.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while digit(i) {
                    i += 1;
                }
            }
            _ => return Err(Fail::Stop(start)),
        }
        let mut is_float = false;
        if s.get(i) == Some(&b'.') && digit(i + 1) {
            is_float = true;
            i += 1;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(s.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if digit(j) {
                while digit(j) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        // ASCII digits and signs only.
        let text = std::str::from_utf8(&s[start..i]).unwrap_or_default();
        let ctx = self.ctx;
        let v = if is_float {
            match (&ctx.parse_float, text.parse::<f64>()) {
                (Value::Type(t), Ok(f)) if Rc::ptr_eq(t, &vm.types.float) => Value::Float(f),
                (f, _) => vm.call(f, &[Value::str(text)], &[])?,
            }
        } else {
            match (&ctx.parse_int, text.parse::<i64>()) {
                (Value::Type(t), Ok(n)) if Rc::ptr_eq(t, &vm.types.int) => Value::Int(n),
                (f, _) => vm.call(f, &[Value::str(text)], &[])?,
            }
        };
        Ok((v, i))
    }

    /// The string whose text starts at byte `begin` (after its opening quote).
    pub fn string(&self, vm: &mut Vm, begin: usize) -> Scan<(Value, usize)> {
        let s = self.bytes();
        let strict = self.ctx.strict;
        let mut out: Vec<u8> = Vec::new();
        let mut i = begin;
        loop {
            let chunk = i;
            while i < s.len() && s[i] != b'"' && s[i] != b'\\' && !(strict && s[i] < 0x20) {
                i += 1;
            }
            if i >= s.len() {
                return Err(self.error(vm, "Unterminated string starting at", begin - 1));
            }
            if out.is_empty() && s[i] == b'"' {
                let text = PyStr::from_wtf8(s[chunk..i].to_vec());
                return Ok((Value::Str(Rc::new(text)), i + 1));
            }
            out.extend_from_slice(&s[chunk..i]);
            match s[i] {
                b'"' => return Ok((Value::from_wtf8(out), i + 1)),
                b'\\' => {}
                _ => return Err(self.error(vm, "Invalid control character at", i)),
            }
            i += 1;
            let Some(&esc) = s.get(i) else {
                return Err(self.error(vm, "Unterminated string starting at", begin - 1));
            };
            let simple = match esc {
                b'"' => Some(b'"'),
                b'\\' => Some(b'\\'),
                b'/' => Some(b'/'),
                b'b' => Some(8),
                b'f' => Some(12),
                b'n' => Some(b'\n'),
                b'r' => Some(b'\r'),
                b't' => Some(b'\t'),
                b'u' => None,
                _ => return Err(self.error(vm, "Invalid \\escape", i - 1)),
            };
            i += 1;
            if let Some(b) = simple {
                out.push(b);
                continue;
            }
            let Some(mut cp) = hex4(s, i) else {
                return Err(self.error(vm, "Invalid \\uXXXX escape", i - 1));
            };
            i += 4;
            if (0xd800..0xdc00).contains(&cp)
                && i + 6 < s.len()
                && s[i] == b'\\'
                && s[i + 1] == b'u'
            {
                let Some(low) = hex4(s, i + 2) else {
                    return Err(self.error(vm, "Invalid \\uXXXX escape", i + 1));
                };
                if (0xdc00..0xe000).contains(&low) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                    i += 6;
                }
            }
            wtf8::push(&mut out, cp);
        }
    }

    /// The object whose members start at byte `i` (after its `{`).
    fn object(&self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let use_pairs = !self.ctx.object_pairs_hook.is_none();
        let mut pairs = Vec::new();
        let dict = Dict::new_rc();
        let mut i = self.skip_ws(i);
        if self.at(i) != Some(b'}') {
            loop {
                if self.at(i) != Some(b'"') {
                    let msg = "Expecting property name enclosed in double quotes";
                    return Err(self.error(vm, msg, i));
                }
                let (key, next) = self.string(vm, i + 1)?;
                let key = match vm.dict_lookup(&self.memo, &key)? {
                    Some(k) => k,
                    None => {
                        vm.dict_set(&self.memo, key.clone(), key.clone())?;
                        key
                    }
                };
                i = self.skip_ws(next);
                if self.at(i) != Some(b':') {
                    return Err(self.error(vm, "Expecting ':' delimiter", i));
                }
                let (value, next) = self.scan(vm, self.skip_ws(i + 1))?;
                if use_pairs {
                    pairs.push(Value::tuple(vec![key, value]));
                } else {
                    vm.dict_set(&dict, key, value)?;
                }
                i = self.skip_ws(next);
                match self.at(i) {
                    Some(b'}') => break,
                    Some(b',') => {}
                    _ => return Err(self.error(vm, "Expecting ',' delimiter", i)),
                }
                let comma = i;
                i = self.skip_ws(i + 1);
                if self.at(i) == Some(b'}') {
                    let msg = "Illegal trailing comma before end of object";
                    return Err(self.error(vm, msg, comma));
                }
            }
        }
        let ctx = self.ctx;
        let v = if use_pairs {
            vm.call(&ctx.object_pairs_hook, &[Value::list(pairs)], &[])?
        } else if !ctx.object_hook.is_none() {
            vm.call(&ctx.object_hook, &[Value::Dict(dict)], &[])?
        } else {
            Value::Dict(dict)
        };
        Ok((v, i + 1))
    }

    /// The array whose items start at byte `i` (after its `[`).
    fn array(&self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let mut items = Vec::new();
        let mut i = self.skip_ws(i);
        if self.at(i) != Some(b']') {
            loop {
                let (value, next) = self.scan(vm, i)?;
                items.push(value);
                i = self.skip_ws(next);
                match self.at(i) {
                    Some(b']') => break,
                    Some(b',') => {}
                    _ => return Err(self.error(vm, "Expecting ',' delimiter", i)),
                }
                let comma = i;
                i = self.skip_ws(i + 1);
                if self.at(i) == Some(b']') {
                    let msg = "Illegal trailing comma before end of array";
                    return Err(self.error(vm, msg, comma));
                }
            }
        }
        Ok((Value::list(items), i + 1))
    }
}

/// The four hex digits at `i`, if there are four.
fn hex4(s: &[u8], i: usize) -> Option<u32> {
    let digits = s.get(i..i + 4)?;
    digits
        .iter()
        .try_fold(0u32, |n, &d| Some(n * 16 + (d as char).to_digit(16)?))
}
