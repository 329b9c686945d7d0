//! The event recorder: turns dispatched events into a trace that is identical from
//! run to run — no addresses, no timestamps.
//!
//! An object is named by its kind, its name (if it has one) and a serial number given
//! in order of first appearance (`function f#3`, `dict#1`). The dispatcher passes an
//! identity (an address) that is only used as a map key; it is forgotten when the
//! object's death is recorded, so a later object at the same address gets a new
//! serial. Lines come in two forms: text for people and diffs, JSON for tools.

use crate::event::Kind;
use std::collections::HashMap;
use std::fmt::Write;

/// The output form of a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `   3 dict.modified        dict#1 key='x' new=2`
    Text,
    /// One JSON object per line.
    Json,
}

/// An object the trace names: its kind word ("dict", "function"...), its name (may be
/// empty) and an identity that is stable while it lives.
#[derive(Clone, Debug)]
pub struct Subject {
    pub kind: &'static str,
    pub name: String,
    pub identity: usize,
}

/// An argument of an event.
pub enum Arg {
    /// A watched object (named like the subject).
    Object(Subject),
    /// A value already rendered without addresses (a repr, a type name).
    Text(String),
}

pub struct Recorder {
    format: Format,
    serials: HashMap<usize, u64>,
    next_serial: u64,
    seq: u64,
}

impl Recorder {
    pub fn new(format: Format) -> Recorder {
        Recorder {
            format,
            serials: HashMap::new(),
            next_serial: 1,
            seq: 0,
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// The stable name of an object.
    pub fn name(&mut self, s: &Subject) -> String {
        let next = &mut self.next_serial;
        let serial = *self.serials.entry(s.identity).or_insert_with(|| {
            let n = *next;
            *next += 1;
            n
        });
        if s.name.is_empty() {
            format!("{}#{serial}", s.kind)
        } else {
            format!("{} {}#{serial}", s.kind, s.name)
        }
    }

    /// The object at `identity` died: its address may be reused by another.
    pub fn forget(&mut self, identity: usize) {
        self.serials.remove(&identity);
    }

    /// The object at `old` now lives at `new` (core revives a dying object to run
    /// its death callbacks): it keeps its name.
    pub fn moved(&mut self, old: usize, new: usize) {
        if let Some(serial) = self.serials.remove(&old) {
            self.serials.insert(new, serial);
        }
    }

    /// One trace line (without the newline) for an event.
    pub fn record(
        &mut self,
        kind: Kind,
        event: &str,
        subject: Subject,
        args: Vec<(&str, Arg)>,
    ) -> String {
        self.seq += 1;
        let object = self.name(&subject);
        let args: Vec<(&str, String)> = args
            .into_iter()
            .map(|(k, a)| {
                let v = match a {
                    Arg::Object(s) => self.name(&s),
                    Arg::Text(t) => t,
                };
                (k, v)
            })
            .collect();
        let mut line = String::new();
        match self.format {
            Format::Text => {
                let head = format!("{}.{}", kind.label(), event);
                let _ = write!(line, "{:>4} {head:<22} {object}", self.seq);
                for (k, v) in &args {
                    let _ = write!(line, " {k}={v}");
                }
            }
            Format::Json => {
                let _ = write!(
                    line,
                    "{{\"seq\":{},\"kind\":{},\"event\":{},\"object\":{}",
                    self.seq,
                    json_str(kind.label()),
                    json_str(event),
                    json_str(&object)
                );
                for (k, v) in &args {
                    let _ = write!(line, ",{}:{}", json_str(k), json_str(v));
                }
                line.push('}');
            }
        }
        line
    }
}

/// A JSON string literal (also used by the optimizer's trace).
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(identity: usize) -> Subject {
        Subject {
            kind: "dict",
            name: String::new(),
            identity,
        }
    }

    #[test]
    fn text_lines_name_objects_by_serial() {
        let mut r = Recorder::new(Format::Text);
        let f = Subject {
            kind: "function",
            name: "f".into(),
            identity: 0x5000,
        };
        let a = r.record(
            Kind::Dict,
            "added",
            dict(0x1000),
            vec![("key", Arg::Text("'x'".into())), ("new", Arg::Object(f))],
        );
        assert_eq!(
            a,
            "   1 dict.added             dict#1 key='x' new=function f#2"
        );
        let b = r.record(Kind::Dict, "deallocated", dict(0x1000), vec![]);
        assert_eq!(b, "   2 dict.deallocated       dict#1");
        r.forget(0x1000);
        let c = r.record(Kind::Dict, "cleared", dict(0x1000), vec![]);
        assert_eq!(c, "   3 dict.cleared           dict#3");
    }

    #[test]
    fn json_lines_escape() {
        let mut r = Recorder::new(Format::Json);
        let line = r.record(
            Kind::Func,
            "modify_defaults",
            Subject {
                kind: "function",
                name: "g".into(),
                identity: 1,
            },
            vec![("new", Arg::Text("('a\"\\\n',)".into()))],
        );
        assert_eq!(
            line,
            r#"{"seq":1,"kind":"func","event":"modify_defaults","object":"function g#1","new":"('a\"\\\n',)"}"#
        );
    }
}
