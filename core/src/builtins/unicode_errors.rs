//! The details of `UnicodeEncodeError`, `UnicodeDecodeError` and
//! `UnicodeTranslateError`: their attributes (`encoding`, `object`, `start`, `end`,
//! `reason`), read from the constructor's arguments, and the message CPython prints
//! for them, naming the offending character or byte.

use crate::object::{TypeRef, Value};
use crate::vm::Vm;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Encode,
    Decode,
    Translate,
}

fn kind(vm: &Vm, cls: &TypeRef) -> Option<Kind> {
    let t = vm.types;
    if cls.is_subtype(&t.unicode_encode_error) {
        Some(Kind::Encode)
    } else if cls.is_subtype(&t.unicode_decode_error) {
        Some(Kind::Decode)
    } else if cls.is_subtype(&t.unicode_translate_error) {
        Some(Kind::Translate)
    } else {
        None
    }
}

/// The attribute `name` of a Unicode error whose arguments are `args`; None when the
/// class is not one of them or the name is not one of its fields.
pub fn attr(vm: &Vm, cls: &TypeRef, args: &[Value], name: &str) -> Option<Value> {
    let k = kind(vm, cls)?;
    let fields: &[&str] = match k {
        Kind::Translate => &["object", "start", "end", "reason"],
        _ => &["encoding", "object", "start", "end", "reason"],
    };
    let i = fields.iter().position(|f| *f == name)?;
    args.get(i).cloned()
}

/// The message of a Unicode error built with its full arguments; None otherwise (the
/// ordinary message then applies).
pub fn message(vm: &Vm, cls: &TypeRef, args: &[Value]) -> Option<String> {
    let k = kind(vm, cls)?;
    let (encoding, rest) = match k {
        Kind::Translate => (None, args),
        _ => match args.split_first()? {
            (Value::Str(e), rest) => (Some(e.as_str().to_string()), rest),
            _ => return None,
        },
    };
    let [object, Value::Int(start), Value::Int(end), Value::Str(reason)] = rest else {
        return None;
    };
    let (start, end) = (*start, *end);
    let reason = reason.as_str();
    let prefix = match &encoding {
        Some(e) => format!("'{e}' codec can't "),
        None => "can't ".to_string(),
    };
    let verb = match k {
        Kind::Encode => "encode",
        Kind::Decode => "decode",
        Kind::Translate => "translate",
    };
    let single = end == start + 1;
    if k == Kind::Decode {
        let bytes = super::bytearray::bytes_like(object)?;
        if single {
            let b = *bytes.get(usize::try_from(start).ok()?)?;
            return Some(format!(
                "{prefix}decode byte 0x{b:02x} in position {start}: {reason}"
            ));
        }
        return Some(format!(
            "{prefix}decode bytes in position {start}-{}: {reason}",
            end - 1
        ));
    }
    let Value::Str(text) = object else {
        return None;
    };
    if single {
        let c = text.code_point_at(usize::try_from(start).ok()?)?;
        let shown = if c <= 0xff {
            format!("\\x{c:02x}")
        } else if c <= 0xffff {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        return Some(format!(
            "{prefix}{verb} character '{shown}' in position {start}: {reason}"
        ));
    }
    Some(format!(
        "{prefix}{verb} characters in position {start}-{}: {reason}",
        end - 1
    ))
}
