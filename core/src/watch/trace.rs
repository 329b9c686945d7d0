//! `--trace=events`: every dispatched event as one line on stderr, the same from run
//! to run (objects named by kind, name and serial number; values by their repr when
//! that has no address in it, else by their type).
//!
//! Turning the trace on registers a no-op watcher of each kind through the public
//! API (so it takes the lowest free id of each kind, 0 in a fresh interpreter); that
//! watcher watches the globals of `__main__` and of the program's own modules, and
//! every class the program creates. Events for objects other watchers watch are in
//! the trace too, since it records at dispatch.

use super::{CodeEvent, DictEvent, FuncEvent, TypeEvent};
use crate::object::{Dict, TypeRef, Value};
use crate::vm::Vm;
use std::rc::Rc;
use tripwire_watchers::{Arg, Format, Kind, Recorder, Subject};

/// Longest repr written into a trace line.
const MAX_REPR: usize = 60;

pub struct Tracer {
    recorder: Recorder,
    dict_id: usize,
    type_id: usize,
}

impl Tracer {
    pub fn moved(&mut self, old: usize, new: usize) {
        self.recorder.moved(old, new)
    }
    pub fn forget(&mut self, identity: usize) {
        self.recorder.forget(identity)
    }
}

fn subject(kind: &'static str, name: &str, identity: usize) -> Subject {
    Subject {
        kind,
        name: one_line(name),
        identity,
    }
}

/// A name as it appears in the trace: a `__qualname__` may hold any text, but one
/// event stays one line, so line breaks, other controls and backslashes are escaped
/// as Python's repr escapes them.
fn one_line(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else {
                    out.push_str(&format!("\\u{n:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// How a value appears in the trace: watched kinds by name, the rest by a repr that
/// cannot hold an address.
fn render(v: &Value) -> Arg {
    let text = match v {
        Value::Dict(d) => return Arg::Object(subject("dict", "", Rc::as_ptr(d) as usize)),
        Value::Function(f) => {
            return Arg::Object(subject(
                "function",
                f.qualname.borrow().as_str(),
                Rc::as_ptr(f) as usize,
            ))
        }
        Value::Type(t) => {
            return Arg::Object(subject(
                "type",
                t.qualname.borrow().as_str(),
                Rc::as_ptr(t) as usize,
            ))
        }
        Value::Code(c) => {
            return Arg::Object(subject("code", c.qualname.as_str(), Rc::as_ptr(c) as usize))
        }
        Value::Tuple(t) if t.items.len() <= 8 => {
            let parts: Option<Vec<String>> = t.items.iter().map(plain_repr).collect();
            match parts {
                Some(p) if p.len() == 1 => format!("({},)", p[0]),
                Some(p) => format!("({})", p.join(", ")),
                None => format!("<tuple of {}>", t.items.len()),
            }
        }
        Value::Module(m) => format!("<module {}>", one_line(m.name.as_str())),
        Value::List(l) => format!("<list of {}>", l.len()),
        Value::Instance(i) => format!("<{} object>", one_line(i.cls().qualname.borrow().as_str())),
        _ => plain_repr(v).unwrap_or_else(|| "<object>".to_string()),
    };
    Arg::Text(shorten(text))
}

fn plain_repr(v: &Value) -> Option<String> {
    Some(match v {
        Value::None => "None".to_string(),
        Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Value::Int(_) | Value::BigInt(_) => crate::builtins::repr::int_text(v)?,
        Value::Float(f) => crate::object::float::repr(*f),
        Value::Str(s) => crate::builtins::repr::str_repr(s.as_str()),
        _ => return None,
    })
}

fn shorten(s: String) -> String {
    if s.chars().count() <= MAX_REPR {
        return s;
    }
    let mut t: String = s.chars().take(MAX_REPR - 3).collect();
    t.push_str("...");
    t
}

impl Vm {
    /// Start tracing events to stderr.
    pub fn enable_event_trace(&mut self, format: Format) -> Result<(), super::WatchError> {
        let dict_id = self.add_dict_watcher(|_, _| Ok(()))?;
        let type_id = self.add_type_watcher(|_, _| Ok(()))?;
        self.add_func_watcher(|_, _| Ok(()))?;
        self.add_code_watcher(|_, _| Ok(()))?;
        self.watch.tracer = Some(Tracer {
            recorder: Recorder::new(format),
            dict_id,
            type_id,
        });
        Ok(())
    }

    /// A module's globals were created: the trace watches them.
    pub fn trace_namespace(&mut self, d: &Rc<Dict>) {
        if let Some(t) = &self.watch.tracer {
            d.watch_mask.watch(t.dict_id);
        }
    }

    /// A class was created: the trace watches it.
    pub fn trace_class(&mut self, cls: &TypeRef) {
        if let Some(t) = &self.watch.tracer {
            let id = t.type_id as i64;
            let _ = self.watch_type(id, &Value::Type(cls.clone()));
        }
    }

    fn trace_line(&mut self, kind: Kind, event: &str, s: Subject, args: Vec<(&str, Arg)>) {
        let Some(t) = &mut self.watch.tracer else {
            return;
        };
        let mut line = t.recorder.record(kind, event, s, args);
        line.push('\n');
        self.write_stderr(&line);
    }

    pub(crate) fn trace_dict(&mut self, ev: &DictEvent) {
        if self.watch.tracer.is_none() {
            return;
        }
        let mut args = Vec::new();
        if let Some(k) = &ev.key {
            args.push(("key", render(k)));
        }
        if let Some(v) = &ev.value {
            args.push(("new", render(v)));
        }
        let s = subject("dict", "", Rc::as_ptr(&ev.dict) as usize);
        self.trace_line(Kind::Dict, ev.kind.name(), s, args);
    }

    pub(crate) fn trace_type(&mut self, ev: &TypeEvent) {
        if self.watch.tracer.is_none() {
            return;
        }
        let name = ev.ty.qualname.borrow().clone();
        let s = subject("type", name.as_str(), Rc::as_ptr(&ev.ty) as usize);
        self.trace_line(Kind::Type, "modified", s, Vec::new());
    }

    pub(crate) fn trace_func(&mut self, ev: &FuncEvent) {
        if self.watch.tracer.is_none() {
            return;
        }
        let name = ev.func.qualname();
        let s = subject("function", name.as_str(), Rc::as_ptr(&ev.func) as usize);
        let args = ev.value.iter().map(|v| ("new", render(v))).collect();
        self.trace_line(Kind::Func, ev.kind.name(), s, args);
    }

    pub(crate) fn trace_code(&mut self, ev: &CodeEvent) {
        if self.watch.tracer.is_none() {
            return;
        }
        let s = subject(
            "code",
            ev.code.qualname.as_str(),
            Rc::as_ptr(&ev.code) as usize,
        );
        self.trace_line(Kind::Code, ev.kind.name(), s, Vec::new());
    }
}
