//! The codecs `str.encode` and `bytes.decode` run natively: UTF-8, ASCII and
//! Latin-1, with CPython's standard error handlers (`strict`, `ignore`, `replace`,
//! `backslashreplace`, `xmlcharrefreplace`, `surrogateescape`, `surrogatepass`).
//! Other codecs and handlers are the library's (`codecs`), which the callers turn to
//! when `Codec::named` or `Handler::named` says None. Errors are CPython's, with its
//! positions: an encoder reports each run of characters it cannot encode at once, the
//! UTF-8 decoder each invalid sequence. Depends on the object model and `vm`.

use crate::object::{wtf8, PyStr, Value};
use crate::vm::{PyErr, Vm};
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec an encoding name means, as Python's aliases spell it.
    pub fn named(name: &str) -> Option<Codec> {
        let name = name.to_ascii_lowercase().replace('_', "-");
        Some(match name.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us-ascii" | "646" => Codec::Ascii,
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" | "8859" | "cp819"
            | "latin" => Codec::Latin1,
            _ => return None,
        })
    }

    /// The name errors give.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    fn cannot_encode(self, cp: u32) -> bool {
        match self {
            Codec::Utf8 => wtf8::is_surrogate(cp),
            Codec::Ascii => cp >= 0x80,
            Codec::Latin1 => cp >= 0x100,
        }
    }

    fn encode_reason(self) -> &'static str {
        match self {
            Codec::Utf8 => "surrogates not allowed",
            Codec::Ascii => "ordinal not in range(128)",
            Codec::Latin1 => "ordinal not in range(256)",
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    SurrogateEscape,
    SurrogatePass,
}

impl Handler {
    /// The standard handler `name` names (None: the registry's, or absent).
    pub fn named(name: &str) -> Option<Handler> {
        Some(match name {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            "surrogateescape" => Handler::SurrogateEscape,
            "surrogatepass" => Handler::SurrogatePass,
            _ => return None,
        })
    }
}

/// What a codec could not do: the span of the input and why.
pub struct CodecError {
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

fn push_escape(out: &mut Vec<u8>, cp: u32) {
    let text = if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.extend_from_slice(text.as_bytes());
}

/// `text` encoded by `codec`, errors handled by `handler`.
pub fn encode(text: &PyStr, codec: Codec, handler: Handler) -> Result<Vec<u8>, CodecError> {
    let fits = match codec {
        Codec::Utf8 => !text.has_surrogates(),
        Codec::Ascii | Codec::Latin1 => text.is_ascii(),
    };
    if fits {
        return Ok(text.as_str().as_bytes().to_vec());
    }
    let points: Vec<u32> = text.code_points().collect();
    let mut out = Vec::with_capacity(points.len());
    let mut i = 0;
    while i < points.len() {
        let cp = points[i];
        if !codec.cannot_encode(cp) {
            match codec {
                Codec::Utf8 => wtf8::push(&mut out, cp),
                Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
            }
            i += 1;
            continue;
        }
        let end = i + points[i..]
            .iter()
            .take_while(|&&cp| codec.cannot_encode(cp))
            .count();
        let error = |start| CodecError {
            start,
            end,
            reason: codec.encode_reason(),
        };
        let run = &points[i..end];
        match handler {
            Handler::Strict => return Err(error(i)),
            Handler::Ignore => {}
            Handler::Replace => out.extend(run.iter().map(|_| b'?')),
            Handler::BackslashReplace => run.iter().for_each(|&cp| push_escape(&mut out, cp)),
            Handler::XmlCharRefReplace => {
                for cp in run {
                    out.extend_from_slice(format!("&#{cp};").as_bytes());
                }
            }
            Handler::SurrogateEscape => {
                for (k, &cp) in run.iter().enumerate() {
                    if !(0xDC80..=0xDCFF).contains(&cp) {
                        return Err(error(i + k));
                    }
                    out.push((cp - 0xDC00) as u8);
                }
            }
            Handler::SurrogatePass => {
                if codec != Codec::Utf8 {
                    return Err(error(i));
                }
                run.iter().for_each(|&cp| wtf8::push(&mut out, cp));
            }
        }
        i = end;
    }
    Ok(out)
}

/// The length of the valid UTF-8 sequence at `data[i]`, or the reason it is not
/// one and how many bytes CPython counts as the invalid sequence.
fn utf8_sequence(data: &[u8], i: usize) -> Result<usize, (&'static str, usize)> {
    let lead = data[i];
    let (need, low, high) = match lead {
        0..=0x7F => return Ok(1),
        0xC2..=0xDF => (1, 0x80, 0xBF),
        0xE0 => (2, 0xA0, 0xBF),
        0xED => (2, 0x80, 0x9F),
        0xE1..=0xEF => (2, 0x80, 0xBF),
        0xF0 => (3, 0x90, 0xBF),
        0xF4 => (3, 0x80, 0x8F),
        0xF1..=0xF3 => (3, 0x80, 0xBF),
        _ => return Err(("invalid start byte", 1)),
    };
    for k in 0..need {
        let Some(&c) = data.get(i + 1 + k) else {
            return Err(("unexpected end of data", k + 1));
        };
        let (lo, hi) = if k == 0 { (low, high) } else { (0x80, 0xBF) };
        if !(lo..=hi).contains(&c) {
            return Err(("invalid continuation byte", k + 1));
        }
    }
    Ok(need + 1)
}

/// `data` decoded by `codec` into generalized UTF-8, errors handled by `handler`
/// (which is not `xmlcharrefreplace`: that one cannot decode).
pub fn decode(data: &[u8], codec: Codec, handler: Handler) -> Result<Vec<u8>, CodecError> {
    if std::str::from_utf8(data).is_ok() && (codec == Codec::Utf8 || data.is_ascii()) {
        return Ok(data.to_vec());
    }
    let mut out = Vec::with_capacity(data.len() + data.len() / 2);
    let mut i = 0;
    while i < data.len() {
        let (reason, bad) = match codec {
            Codec::Latin1 => {
                wtf8::push(&mut out, data[i] as u32);
                i += 1;
                continue;
            }
            Codec::Ascii if data[i] < 0x80 => Ok(1),
            Codec::Ascii => Err(("ordinal not in range(128)", 1)),
            Codec::Utf8 => utf8_sequence(data, i),
        }
        .map_or_else(|e| e, |n| ("", n));
        if reason.is_empty() {
            out.extend_from_slice(&data[i..i + bad]);
            i += bad;
            continue;
        }
        let span = &data[i..i + bad];
        match handler {
            Handler::Strict | Handler::XmlCharRefReplace => {
                return Err(CodecError {
                    start: i,
                    end: i + bad,
                    reason,
                })
            }
            Handler::Ignore => {}
            Handler::Replace => out.extend_from_slice(&wtf8::REPLACEMENT),
            Handler::BackslashReplace => span.iter().for_each(|&b| push_escape(&mut out, b as u32)),
            Handler::SurrogateEscape => span
                .iter()
                .for_each(|&b| wtf8::push(&mut out, 0xDC00 + b as u32)),
            Handler::SurrogatePass => {
                let surrogate = data.get(i..i + 3).filter(|s| {
                    codec == Codec::Utf8
                        && s[0] == 0xED
                        && (0xA0..=0xBF).contains(&s[1])
                        && (0x80..=0xBF).contains(&s[2])
                });
                let Some(surrogate) = surrogate else {
                    return Err(CodecError {
                        start: i,
                        end: i + bad,
                        reason,
                    });
                };
                out.extend_from_slice(surrogate);
                i += 3;
                continue;
            }
        }
        i += bad;
    }
    Ok(out)
}

impl Vm {
    /// `UnicodeEncodeError(codec, text, start, end, reason)`.
    pub fn unicode_encode_error(&self, codec: &str, text: &Rc<PyStr>, e: &CodecError) -> PyErr {
        let args = vec![
            Value::str(codec),
            Value::Str(text.clone()),
            Value::Int(e.start as i64),
            Value::Int(e.end as i64),
            Value::str(e.reason),
        ];
        PyErr::from_value(self.new_exception(&self.types.unicode_encode_error.clone(), args))
    }

    /// `UnicodeDecodeError(codec, data, start, end, reason)`.
    pub fn unicode_decode_error(&self, codec: &str, data: &[u8], e: &CodecError) -> PyErr {
        let args = vec![
            Value::str(codec),
            super::bytes::new_bytes(data.to_vec()),
            Value::Int(e.start as i64),
            Value::Int(e.end as i64),
            Value::str(e.reason),
        ];
        PyErr::from_value(self.new_exception(&self.types.unicode_decode_error.clone(), args))
    }
}
