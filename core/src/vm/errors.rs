//! Errors: `PyErr` (a raised exception travelling through Rust), constructors for the
//! built-in exceptions with CPython's messages, and traceback printing.

use super::Vm;
use crate::code::{Code, Position};
use crate::object::{Base, ExcData, Instance, KeepFrame, PyCell, PyStr, TypeRef, Value};
use std::rc::Rc;

/// One traceback entry: a frame's code, globals and the instruction it was
/// executing (what `tb_frame` and `tb_lasti` show), and the frame itself when its
/// exception asked to keep its variables (`ExcData::keep_frame`).
#[derive(Clone)]
pub struct TraceEntry {
    pub code: Rc<Code>,
    pub globals: Rc<crate::object::Dict>,
    pub lasti: u32,
    pub frame: Option<Rc<super::frame_object::FrameData>>,
}

impl TraceEntry {
    /// Where in the source the instruction came from.
    pub fn position(&self) -> Position {
        self.code.position_of(self.lasti as usize)
    }
}

/// A raised Python exception. Boxed so `PyResult<Value>` stays two words.
pub struct PyErr(Box<ErrInner>);

struct ErrInner {
    exc: Value,
    /// Raised again by `Reraise`: no new traceback entry for the current frame.
    reraised: bool,
    /// `__context__` was settled where it was raised; a caller further out,
    /// past a native call, must not chain it again.
    chained: bool,
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    pub fn from_value(exc: Value) -> PyErr {
        PyErr(Box::new(ErrInner {
            exc,
            reraised: false,
            chained: false,
        }))
    }
    pub fn reraised(exc: Value) -> PyErr {
        PyErr(Box::new(ErrInner {
            exc,
            reraised: true,
            chained: true,
        }))
    }
    pub fn value(&self) -> &Value {
        &self.0.exc
    }
    pub fn into_value(self) -> Value {
        self.0.exc
    }
    pub fn is_reraise(&self) -> bool {
        self.0.reraised
    }
    pub fn clear_reraise(&mut self) {
        self.0.reraised = false;
    }
    pub fn is_chained(&self) -> bool {
        self.0.chained
    }
    pub fn mark_chained(&mut self) {
        self.0.chained = true;
    }
}

/// The exception state of an exception value, if it is one.
pub fn exc_data(v: &Value) -> Option<&PyCell<ExcData>> {
    match v {
        Value::Instance(i) => i.exc(),
        _ => None,
    }
}

impl Vm {
    /// A new exception instance of `cls` with these args (no `__init__` call).
    pub fn new_exception(&self, cls: &TypeRef, args: Vec<Value>) -> Value {
        let dict = Some(crate::object::Dict::new_rc());
        Value::Instance(crate::object::Instance::new_rc(Instance {
            cls: PyCell::new(cls.clone()),
            dict,
            slots: PyCell::new(Box::default()),
            base: Base::Exception(Box::new(PyCell::new(ExcData {
                args: Value::tuple(args),
                ..Default::default()
            }))),
            finalized: std::cell::Cell::new(false),
            weakrefs: Default::default(),
        }))
    }

    pub fn new_error(&self, cls: &TypeRef, msg: &str) -> PyErr {
        PyErr::from_value(self.new_exception(cls, vec![Value::str(msg)]))
    }

    pub fn type_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_error(&self.types.type_error, msg.as_ref())
    }
    pub fn value_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_error(&self.types.value_error, msg.as_ref())
    }
    pub fn index_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_error(&self.types.index_error, msg.as_ref())
    }
    pub fn attribute_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_error(&self.types.attribute_error, msg.as_ref())
    }
    /// NameError for a name not found: its `name` set, and the raising frame's
    /// variables kept for the suggestions its traceback prints.
    pub fn name_error(&self, name: &str) -> PyErr {
        self.name_error_with(name, format!("name '{name}' is not defined"))
    }
    /// A NameError about `name` with its own message (a free variable's).
    pub fn name_error_with(&self, name: &str, msg: String) -> PyErr {
        let err = self.new_error(&self.types.name_error, &msg);
        if let Some(d) = exc_data(err.value()) {
            let mut d = d.borrow_mut();
            d.name = Value::str(name);
            d.keep_frame = KeepFrame::AtRaise;
        }
        err
    }
    /// An AttributeError leaving `obj.name` that does not say yet what was looked
    /// up gets `name` and `obj` (as CPython's attribute lookup adds them).
    #[cold]
    #[inline(never)]
    pub fn add_attribute_context(&self, err: &PyErr, obj: &Value, name: &Rc<PyStr>) {
        if !self.err_matches(err, &self.types.attribute_error) {
            return;
        }
        if let Some(d) = exc_data(err.value()) {
            let mut d = d.borrow_mut();
            if d.name.is_none() && d.obj.is_none() {
                d.name = Value::Str(name.clone());
                d.obj = obj.clone();
                d.keep_frame = KeepFrame::IfSelfAsItLeaves;
            }
        }
    }
    pub fn runtime_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_error(&self.types.runtime_error, msg.as_ref())
    }
    pub fn overflow_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_error(&self.types.overflow_error, msg.as_ref())
    }
    pub fn zero_division(&self, msg: impl AsRef<str>) -> PyErr {
        self.new_error(&self.types.zero_division_error, msg.as_ref())
    }
    pub fn key_error(&self, key: Value) -> PyErr {
        PyErr::from_value(self.new_exception(&self.types.key_error, vec![key]))
    }
    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr::from_value(self.new_exception(&self.types.stop_iteration, args))
    }
    pub fn recursion_error(&self) -> PyErr {
        self.new_error(
            &self.types.recursion_error,
            "maximum recursion depth exceeded",
        )
    }

    /// Whether the exception is an instance of `cls`.
    pub fn err_matches(&self, err: &PyErr, cls: &TypeRef) -> bool {
        self.type_of(err.value()).is_subtype(cls)
    }

    /// `str(exc)` per BaseException.__str__ (and KeyError's repr-of-key rule).
    pub fn exception_str(&mut self, exc: &Value) -> String {
        let cls = self.type_of(exc);
        if let Some(Value::Function(_)) = cls.lookup(&self.names.d_str.clone()).as_ref() {
            if let Ok(s) = self.to_str(exc) {
                return s.as_str().to_string();
            }
        }
        let args = match exc_data(exc) {
            Some(d) => d.borrow().args.clone(),
            None => return String::new(),
        };
        let items = match &args {
            Value::Tuple(t) => t.items.to_vec(),
            _ => vec![],
        };
        if let Some(text) = crate::builtins::unicode_errors::message(self, &cls, &items) {
            return text;
        }
        if cls.is_subtype(&self.types.os_error) {
            if let Some(text) = crate::builtins::os_error::message(self, exc) {
                return text;
            }
        }
        // SyntaxError: "msg (file, line N)".
        if cls.is_subtype(&self.types.syntax_error) && items.len() == 2 {
            if let (Value::Str(msg), Value::Tuple(details)) = (&items[0], &items[1]) {
                if let (Some(Value::Str(file)), Some(Value::Int(line))) =
                    (details.items.first(), details.items.get(1))
                {
                    let base = file.as_str().rsplit('/').next().unwrap_or(file.as_str());
                    return format!("{} ({}, line {})", msg.as_str(), base, line);
                }
            }
        }
        match items.len() {
            // SyntaxError's str is its msg's, which is None here.
            0 if cls.is_subtype(&self.types.syntax_error) => "None".to_string(),
            0 => String::new(),
            1 => {
                if cls.is_subtype(&self.types.key_error) {
                    self.repr(&items[0])
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default()
                } else {
                    self.to_str(&items[0])
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default()
                }
            }
            _ => self
                .repr(&args)
                .map(|s| s.as_str().to_string())
                .unwrap_or_default(),
        }
    }

    /// The last line of a traceback: `Type: message`.
    pub fn exception_line(&mut self, exc: &Value) -> String {
        let cls = self.type_of(exc);
        let module = cls
            .dict
            .get_str(&self.names.d_module.clone())
            .and_then(|m| m.as_str().map(|s| s.as_str().to_string()));
        let name = cls.qualname.borrow().as_str().to_string();
        let qual = match module.as_deref() {
            Some("__main__") | Some("builtins") | None => name,
            Some(m) => format!("{m}.{name}"),
        };
        let msg = self.exception_str(exc);
        if msg.is_empty() {
            qual
        } else {
            format!("{qual}: {msg}")
        }
    }

    /// The full CPython-style report of an uncaught exception, with its chain.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        self.format_chain(exc, &mut out, 0);
        out
    }

    fn format_chain(&mut self, exc: &Value, out: &mut String, depth: usize) {
        if depth < 100 {
            if let Some(d) = exc_data(exc) {
                let (cause, context, suppress) = {
                    let d = d.borrow();
                    (d.cause.clone(), d.context.clone(), d.suppress_context)
                };
                if !cause.is_none() {
                    self.format_chain(&cause, out, depth + 1);
                    out.push_str(
                        "\nThe above exception was the direct cause of the following exception:\n\n",
                    );
                } else if !context.is_none() && !suppress {
                    self.format_chain(&context, out, depth + 1);
                    out.push_str(
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    );
                }
            }
        }
        let entries = exc_data(exc)
            .map(|d| d.borrow().traceback.iter().cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            self.format_entries(&entries, out);
        }
        if self.type_of(exc).is_subtype(&self.types.syntax_error) {
            if let Some(text) = self.syntax_error_report(exc) {
                out.push_str(&text);
                return;
            }
        }
        out.push_str(&self.exception_line(exc));
        out.push_str(&self.suggestion_note(exc));
        out.push('\n');
    }

    /// The location lines and `Type: msg` of an uncaught SyntaxError, as CPython
    /// prints them (no traceback line for the code that never ran).
    fn syntax_error_report(&mut self, exc: &Value) -> Option<String> {
        let field = |vm: &mut Vm, name: &str| -> Option<Value> {
            let key = vm.intern(name);
            vm.get_attr_opt(exc, &key).ok().flatten()
        };
        let msg = field(self, "msg")?;
        let msg = msg.as_str()?.as_str().to_string();
        let mut out = String::new();
        if let (Some(Value::Str(file)), Some(Value::Int(line))) =
            (field(self, "filename"), field(self, "lineno"))
        {
            out.push_str(&format!("  File \"{}\", line {}\n", file.as_str(), line));
            if let Some(Value::Str(text)) = field(self, "text") {
                let raw = text.as_str().trim_end_matches(['\n', '\r']);
                // CPython strips spaces (not tabs) and marks nothing when the
                // offset falls inside what it stripped.
                let stripped = raw.trim_start_matches([' ', '\x0c']);
                if !stripped.is_empty() {
                    out.push_str(&format!("    {stripped}\n"));
                    let indent = raw.chars().count() - stripped.chars().count();
                    if let Some(Value::Int(col)) = field(self, "offset") {
                        if let Some(pos) = (col as usize).checked_sub(1 + indent) {
                            let width = match field(self, "end_offset") {
                                Some(Value::Int(end)) if end > col => (end - col) as usize,
                                _ => 1,
                            };
                            let space: String = stripped
                                .chars()
                                .take(pos)
                                .map(|c| if c.is_whitespace() { c } else { ' ' })
                                .collect();
                            out.push_str(&format!("    {space}{}\n", "^".repeat(width)));
                        }
                    }
                }
            }
        }
        let cls = self.type_of(exc).name();
        out.push_str(&format!("{}: {}\n", cls.as_str(), msg));
        Some(out)
    }

    fn format_entries(&mut self, entries: &[TraceEntry], out: &mut String) {
        let mut last: Option<(usize, u32)> = None;
        let mut repeat = 0;
        for e in entries {
            let position = e.position();
            let key = (Rc::as_ptr(&e.code) as usize, position.line);
            if last == Some(key) {
                repeat += 1;
                if repeat >= 3 {
                    continue;
                }
            } else {
                if repeat >= 3 {
                    out.push_str(&format!(
                        "  [Previous line repeated {} more time{}]\n",
                        repeat - 2,
                        if repeat - 2 == 1 { "" } else { "s" }
                    ));
                }
                repeat = 0;
            }
            last = Some(key);
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                e.code.filename.as_str(),
                position.line,
                e.code.name.as_str()
            ));
            let filename = e.code.filename.as_str();
            let last_line = position.end_line.max(position.line);
            let lines: Option<Vec<String>> = (position.line..=last_line)
                .map(|line| crate::modules::source_line(filename, line))
                .collect();
            for shown in super::carets::source_lines(&lines.unwrap_or_default(), position) {
                out.push_str(&format!("    {shown}\n"));
            }
        }
        if repeat >= 3 {
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                repeat - 2,
                if repeat - 2 == 1 { "" } else { "s" }
            ));
        }
    }
}
