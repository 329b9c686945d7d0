//! The value of a str literal, with the lone surrogates its escapes name
//! (`'\ud800'`, `'\U0000dc80'`).
//!
//! The parser's value holds U+FFFD where an escape names a surrogate (a Rust string
//! cannot hold one), so a literal whose value has U+FFFD is read again from its
//! source: each escape is matched to the code point of the parser's value it made,
//! and the surrogate escapes put their surrogate there. Constants share one object
//! where CPython's do (`shared`). Depends on the parser's AST and the object model.

use crate::object::{wtf8, PyStr, Value};
use crate::parse::ast::{self, StringFlags};
use ruff_text_size::Ranged;
use std::rc::Rc;

/// The constant of a str literal (its implicitly concatenated parts together).
pub fn literal_value(src: &str, lit: &ast::ExprStringLiteral) -> Value {
    let value = lit.value.to_str();
    if !value.contains('\u{FFFD}') {
        return shared(Rc::new(PyStr::new(value)));
    }
    let mut out = Vec::with_capacity(value.len());
    for part in lit.value.iter() {
        let range = part.range();
        let body = src
            .get(range.start().to_usize()..range.end().to_usize())
            .and_then(|text| {
                let open = part.flags.opener_len().to_usize();
                let close = part.flags.closer_len().to_usize();
                text.get(open..text.len().checked_sub(close)?)
            });
        match body {
            Some(body) if !part.flags.prefix().is_raw() => {
                if !push_part(&mut out, body, &part.value) {
                    return Value::str(value);
                }
            }
            _ => out.extend_from_slice(part.value.as_bytes()),
        }
    }
    Value::from_wtf8(out)
}

/// A str constant as CPython keeps it: one character of Latin-1 is the str
/// indexing gives, and a name-like one is interned, so it meets the same object
/// when used as a key.
pub fn shared(s: Rc<PyStr>) -> Value {
    if s.char_len() == 1 {
        if let Some(cp) = s.code_point_at(0).filter(|&cp| cp < 256) {
            return crate::builtins::str::code_point_str(cp);
        }
    }
    let text = s.as_str();
    if text.len() <= 64 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return Value::Str(crate::object::str::intern(text));
    }
    Value::Str(s)
}

/// Append the exact text of one literal part whose source between the quotes is
/// `body` and whose parsed value is `parsed`; false when the two do not match up.
fn push_part(out: &mut Vec<u8>, body: &str, parsed: &str) -> bool {
    let mut parsed = parsed.chars();
    let mut source = body.chars().peekable();
    let copy = |out: &mut Vec<u8>, parsed: &mut std::str::Chars| match parsed.next() {
        Some(c) => {
            wtf8::push(out, c as u32);
            true
        }
        None => false,
    };
    while let Some(c) = source.next() {
        if c != '\\' {
            if !copy(out, &mut parsed) {
                return false;
            }
            continue;
        }
        let Some(e) = source.next() else {
            return false;
        };
        let digits = match e {
            '\n' => continue,
            '\r' => {
                source.next_if_eq(&'\n');
                continue;
            }
            'u' => 4,
            'U' => 8,
            'x' => 2,
            '0'..='7' => {
                for _ in 0..2 {
                    source.next_if(|d| ('0'..='7').contains(d));
                }
                0
            }
            'N' => {
                for d in source.by_ref() {
                    if d == '}' {
                        break;
                    }
                }
                0
            }
            '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' => 0,
            // An unknown escape keeps its backslash; the character after it is
            // an ordinary one.
            _ => {
                if !copy(out, &mut parsed) || !copy(out, &mut parsed) {
                    return false;
                }
                continue;
            }
        };
        let mut cp = 0u32;
        for _ in 0..digits {
            match source.next().and_then(|d| d.to_digit(16)) {
                Some(d) => cp = cp << 4 | d,
                None => return false,
            }
        }
        if matches!(e, 'u' | 'U') && wtf8::is_surrogate(cp) {
            if parsed.next() != Some('\u{FFFD}') {
                return false;
            }
            wtf8::push(out, cp);
        } else if !copy(out, &mut parsed) {
            return false;
        }
    }
    parsed.next().is_none()
}
