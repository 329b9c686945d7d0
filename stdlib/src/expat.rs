//! `_expat_engine`: the native half of `pyexpat` (stdlib/src/py/pyexpat.py), on the
//! `quick-xml` crate. Here a piece of a document becomes a list of events with
//! expat's positions (line from 1, column from 0, in characters), entity and
//! character references resolved, attributes parsed and checked, and the token
//! errors expat reports as its error codes. Element nesting, namespaces, handler
//! calls and the error objects are the Python half's. Depends on core's public API.

use quick_xml::errors::{Error as XmlError, IllFormedError, SyntaxError};
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use tripwire_core::builtins::{add_function, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::{PyResult, Vm};

/// Event kinds, the first item of each event tuple.
const START: i64 = 0;
const END: i64 = 1;
const TEXT: i64 = 2;
const ENTITY: i64 = 3;
const COMMENT: i64 = 4;
const PI: i64 = 5;
const CDATA: i64 = 6;
const DECL: i64 = 7;
const DOCTYPE: i64 = 8;

/// Expat's error codes that the scan reports.
const SYNTAX: i64 = 2;
const INVALID_TOKEN: i64 = 4;
const UNCLOSED_TOKEN: i64 = 5;
const DUPLICATE_ATTRIBUTE: i64 = 8;
const UNDEFINED_ENTITY: i64 = 11;
const BAD_CHAR_REF: i64 = 14;

/// A place in the text: byte offset, and expat's line and column.
#[derive(Clone, Copy)]
struct Place {
    byte: usize,
    chars: usize,
    line: i64,
    column: i64,
}

impl Place {
    /// Moves forward to byte `to` of `text`. A CR LF pair is one line end.
    fn advance(&mut self, text: &str, to: usize) {
        let Some(piece) = text.get(self.byte..to) else {
            return;
        };
        let mut chars = piece.chars().peekable();
        while let Some(c) = chars.next() {
            self.chars += 1;
            match c {
                '\n' => {
                    self.line += 1;
                    self.column = 0;
                }
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                        self.chars += 1;
                    }
                    self.line += 1;
                    self.column = 0;
                }
                _ => self.column += 1,
            }
        }
        self.byte = to;
    }

    fn at(mut self, text: &str, to: usize) -> Place {
        self.advance(text, to);
        self
    }
}

/// A scan that stopped on malformed input: expat's code and where.
struct Malformed {
    code: i64,
    at: Place,
}

fn malformed(code: i64, at: Place) -> Malformed {
    Malformed { code, at }
}

fn is_name_start(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c == '_'
        || c == ':'
        || matches!(c as u32,
            0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF | 0x370..=0x37D | 0x37F..=0x1FFF
            | 0x200C..=0x200D | 0x2070..=0x218F | 0x2C00..=0x2FEF | 0x3001..=0xD7FF
            | 0xF900..=0xFDCF | 0xFDF0..=0xFFFD | 0x10000..=0xEFFFF)
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || c.is_ascii_digit()
        || c == '-'
        || c == '.'
        || matches!(c as u32, 0xB7 | 0x300..=0x36F | 0x203F..=0x2040)
}

/// The byte offset within `name` of its first character that a name cannot have.
fn bad_name_char(name: &str) -> Option<usize> {
    let mut chars = name.char_indices();
    match chars.next() {
        None => return Some(0),
        Some((_, c)) if !is_name_start(c) => return Some(0),
        _ => {}
    }
    chars.find(|&(_, c)| !is_name_char(c)).map(|(i, _)| i)
}

/// Whether XML allows the character in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// What `&body;` stands for: a character, or None for a named entity that is not
/// one of the five predefined ones. `at` is the place of the `&`.
fn reference(body: &str, at: Place, text: &str) -> Result<Option<char>, Malformed> {
    let predefined = match body {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    };
    if predefined.is_some() {
        return Ok(predefined);
    }
    let Some(number) = body.strip_prefix('#') else {
        if let Some(i) = bad_name_char(body) {
            return Err(malformed(INVALID_TOKEN, at.at(text, at.byte + 1 + i)));
        }
        return Ok(None);
    };
    let (digits, radix, skip) = match number.strip_prefix('x') {
        Some(hex) => (hex, 16, 3),
        None => (number, 10, 2),
    };
    if let Some(i) = digits.find(|c: char| !c.is_digit(radix)) {
        return Err(malformed(INVALID_TOKEN, at.at(text, at.byte + skip + i)));
    }
    if digits.is_empty() {
        return Err(malformed(INVALID_TOKEN, at.at(text, at.byte + skip)));
    }
    match u32::from_str_radix(digits, radix)
        .ok()
        .and_then(char::from_u32)
    {
        Some(c) if is_xml_char(c) => Ok(Some(c)),
        _ => Err(malformed(BAD_CHAR_REF, at)),
    }
}

/// An attribute value as the application sees it: references resolved, each
/// white-space character (a CR LF pair once) a space. `start` is the byte of the
/// value's first character in `text`; `tag` the place of the tag's `<`.
fn attribute_value(raw: &str, start: usize, tag: Place, text: &str) -> Result<String, Malformed> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw.char_indices().peekable();
    while let Some((i, c)) = rest.next() {
        match c {
            '<' => return Err(malformed(INVALID_TOKEN, tag.at(text, start + i))),
            '&' => {
                let Some(len) = raw[i..].find(';') else {
                    return Err(malformed(INVALID_TOKEN, tag.at(text, start + raw.len())));
                };
                let at = tag.at(text, start + i);
                match reference(&raw[i + 1..i + len], at, text)? {
                    Some(c) => out.push(c),
                    None => return Err(malformed(UNDEFINED_ENTITY, tag)),
                }
                while rest.peek().is_some_and(|&(j, _)| j <= i + len) {
                    rest.next();
                }
            }
            '\r' => {
                if rest.peek().is_some_and(|&(_, n)| n == '\n') {
                    rest.next();
                }
                out.push(' ');
            }
            '\t' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Where `inner`, a slice of `outer`, starts in it.
fn offset_within(outer: &str, inner: &str) -> Option<usize> {
    let offset = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    (offset + inner.len() <= outer.len()).then_some(offset)
}

/// A start tag as (START, line, column, name, [name, value, ...], empty).
fn start_event(
    e: &BytesStart<'_>,
    empty: bool,
    tag: Place,
    text: &str,
) -> Result<Value, Malformed> {
    let content: &str = e;
    let name = e.name().0;
    if let Some(i) = bad_name_char(name) {
        return Err(malformed(INVALID_TOKEN, tag.at(text, tag.byte + 1 + i)));
    }
    let content_start = tag.byte + 1;
    let mut attributes = Vec::new();
    for attribute in e.attributes().with_checks(true) {
        let attribute = attribute.map_err(|err| {
            let (code, pos) = match err {
                AttrError::Duplicated(pos, _) => (DUPLICATE_ATTRIBUTE, pos),
                AttrError::ExpectedEq(pos)
                | AttrError::ExpectedValue(pos)
                | AttrError::UnquotedValue(pos)
                | AttrError::ExpectedQuote(pos, _) => (INVALID_TOKEN, pos),
            };
            malformed(code, tag.at(text, content_start + pos))
        })?;
        let key = attribute.key.0;
        let key_start = content_start + offset_within(content, key).unwrap_or(0);
        if let Some(i) = bad_name_char(key) {
            return Err(malformed(INVALID_TOKEN, tag.at(text, key_start + i)));
        }
        let value_start = match &attribute.value {
            std::borrow::Cow::Borrowed(v) => offset_within(content, v).map(|o| content_start + o),
            std::borrow::Cow::Owned(_) => None,
        }
        .unwrap_or(key_start);
        let value = attribute_value(&attribute.value, value_start, tag, text)?;
        attributes.push(Value::str(key));
        attributes.push(Value::from_string(value));
    }
    Ok(Value::tuple(vec![
        Value::Int(START),
        Value::Int(tag.line),
        Value::Int(tag.column),
        Value::str(name),
        Value::list(attributes),
        Value::Bool(empty),
    ]))
}

fn event(kind: i64, at: Place, items: Vec<Value>) -> Value {
    let mut all = vec![Value::Int(kind), Value::Int(at.line), Value::Int(at.column)];
    all.extend(items);
    Value::tuple(all)
}

/// Text with CR LF pairs and lone CRs made line feeds.
fn newlines(s: &str) -> Value {
    if s.contains('\r') {
        Value::from_string(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Value::str(s)
    }
}

/// What one scan found.
struct Scan {
    events: Vec<Value>,
    /// How far the events reach; the rest waits for more text.
    consumed: Place,
    error: Option<Malformed>,
}

fn scan_text(text: &str, is_final: bool, origin: Place) -> Scan {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.check_comments = true;
    config.expand_empty_elements = false;
    config.trim_text(false);
    let mut events = Vec::new();
    let mut consumed = origin;
    loop {
        let start = reader.buffer_position() as usize;
        let result = reader.read_event();
        let end = reader.buffer_position() as usize;
        let at = consumed.at(text, start);
        let found = match result {
            Ok(Event::Eof) => break,
            // What the reader refuses before the end may be a token cut off.
            Err(_) if !is_final => break,
            Err(XmlError::Syntax(SyntaxError::InvalidBangMarkup)) => Err(malformed(SYNTAX, at)),
            Err(XmlError::Syntax(_)) => Err(malformed(UNCLOSED_TOKEN, at)),
            Err(XmlError::IllFormed(kind)) => {
                let offset = (reader.error_position() as usize).clamp(start, text.len());
                // Expat points past what it accepted: past `--` in a comment, past
                // the name of a reference that has no `;`.
                let offset = match kind {
                    IllFormedError::DoubleHyphenInComment => offset + 2,
                    IllFormedError::UnclosedReference => {
                        let body = text.get(offset + 1..).unwrap_or("");
                        let body_start = offset + 1 + usize::from(body.starts_with('#'));
                        let name = text.get(body_start..).unwrap_or("");
                        body_start + name.find(|c| !is_name_char(c)).unwrap_or(name.len())
                    }
                    _ => offset,
                };
                Err(malformed(
                    INVALID_TOKEN,
                    at.at(text, offset.min(text.len())),
                ))
            }
            Err(_) => Err(malformed(INVALID_TOKEN, at)),
            Ok(Event::Start(e)) => start_event(&e, false, at, text),
            Ok(Event::Empty(e)) => start_event(&e, true, at, text),
            Ok(Event::End(e)) => {
                let name = e.name().0;
                match bad_name_char(name) {
                    Some(i) => Err(malformed(INVALID_TOKEN, at.at(text, start + 2 + i))),
                    None => Ok(event(END, at, vec![Value::str(name)])),
                }
            }
            Ok(Event::Text(t)) => {
                let raw = t.into_inner();
                match raw.find("]]>") {
                    Some(i) => Err(malformed(INVALID_TOKEN, at.at(text, start + i + 2))),
                    None => Ok(event(TEXT, at, vec![newlines(&raw)])),
                }
            }
            Ok(Event::GeneralRef(r)) => {
                let body = r.into_inner();
                reference(&body, at, text).map(|resolved| match resolved {
                    Some(c) => event(TEXT, at, vec![Value::from_string(c.to_string())]),
                    None => event(ENTITY, at, vec![Value::str(&body)]),
                })
            }
            Ok(Event::Comment(t)) => Ok(event(COMMENT, at, vec![newlines(&t.into_inner())])),
            Ok(Event::CData(t)) => Ok(event(CDATA, at, vec![newlines(&t.into_inner())])),
            Ok(Event::PI(p)) => {
                let target = p.target();
                match bad_name_char(target) {
                    Some(i) => Err(malformed(INVALID_TOKEN, at.at(text, start + 2 + i))),
                    None => Ok(event(
                        PI,
                        at,
                        vec![Value::str(target), newlines(p.content().trim_start())],
                    )),
                }
            }
            Ok(Event::Decl(d)) => {
                let field = |v: Option<Result<std::borrow::Cow<'_, str>, AttrError>>| match v {
                    Some(Ok(s)) => Value::str(&s),
                    _ => Value::None,
                };
                let version = d.version().map_or(Value::None, |v| Value::str(&v));
                Ok(event(
                    DECL,
                    at,
                    vec![version, field(d.encoding()), field(d.standalone())],
                ))
            }
            Ok(Event::DocType(t)) => Ok(event(DOCTYPE, at, vec![Value::str(&t.into_inner())])),
        };
        match found {
            Ok(e) => {
                events.push(e);
                consumed = at.at(text, end);
            }
            Err(m) => {
                return Scan {
                    events,
                    consumed,
                    error: Some(m),
                }
            }
        }
    }
    Scan {
        events,
        consumed,
        error: None,
    }
}

/// `scan(text, final, line, column)`: the events of `text`, which begins at
/// `line`, `column`; returns (events, characters consumed, line, column where the
/// consumed part ends, error) with error None or (code, line, column). Unless
/// `final`, a token cut off at the end is left for the next scan.
fn scan(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "scan", args, 4, 4)?;
    let Value::Str(text) = &args[0] else {
        return Err(vm.type_error("scan() argument 1 must be str"));
    };
    let is_final = vm.truthy(&args[1])?;
    let (Value::Int(line), Value::Int(column)) = (&args[2], &args[3]) else {
        return Err(vm.type_error("scan() line and column must be int"));
    };
    let origin = Place {
        byte: 0,
        chars: 0,
        line: *line,
        column: *column,
    };
    let found = scan_text(text.as_str(), is_final, origin);
    let error = match found.error {
        Some(m) => Value::tuple(vec![
            Value::Int(m.code),
            Value::Int(m.at.line),
            Value::Int(m.at.column),
        ]),
        None => Value::None,
    };
    Ok(Value::tuple(vec![
        Value::list(found.events),
        Value::Int(found.consumed.chars as i64),
        Value::Int(found.consumed.line),
        Value::Int(found.consumed.column),
        error,
    ]))
}

/// The `_expat_engine` module.
pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_expat_engine", "scan", scan);
    Ok(())
}
