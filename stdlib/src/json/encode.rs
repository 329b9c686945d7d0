//! The JSON encoder of `_json`: CPython 3.13's `c_make_encoder` walk (None, bools,
//! str and int and float and their subclasses, lists and tuples, dicts with CPython's
//! key conversions, `sort_keys`, `skipkeys`, `allow_nan`, indentation, circular
//! reference markers and `default`) writing one WTF-8 buffer, and the two string
//! escapers `encode_basestring` and `encode_basestring_ascii`. Depends on core's
//! public API.

use std::rc::Rc;
use tripwire_core::object::float;
use tripwire_core::object::wtf8;
use tripwire_core::object::{Dict, NativeFn, PyStr, Value};
use tripwire_core::{PyResult, Vm};

/// Append the JSON string literal of `s`, escaping every code point outside printable
/// ASCII when `ascii`, else only quotes, backslashes and control characters.
pub fn escape_into(out: &mut Vec<u8>, s: &PyStr, ascii: bool) {
    out.push(b'"');
    for cp in s.code_points() {
        match cp {
            0x22 => out.extend_from_slice(b"\\\""),
            0x5c => out.extend_from_slice(b"\\\\"),
            0x0a => out.extend_from_slice(b"\\n"),
            0x0d => out.extend_from_slice(b"\\r"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            0x20..=0x7e => out.push(cp as u8),
            _ if cp < 0x20 || (ascii && cp <= 0xffff) => push_u4(out, cp),
            _ if ascii => {
                let v = cp - 0x10000;
                push_u4(out, 0xd800 | (v >> 10));
                push_u4(out, 0xdc00 | (v & 0x3ff));
            }
            _ => wtf8::push(out, cp),
        }
    }
    out.push(b'"');
}

fn push_u4(out: &mut Vec<u8>, cp: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((cp >> shift) & 0xf) as usize]);
    }
}

/// How an encoder object writes (the arguments of `make_encoder`).
pub struct Settings {
    pub markers: Option<Rc<Dict>>,
    pub default: Value,
    pub encoder: Value,
    /// The native escaper `encoder` is, if it is one: Some(ascii).
    pub native_escape: Option<bool>,
    pub indent: Option<Rc<PyStr>>,
    pub key_separator: Rc<PyStr>,
    pub item_separator: Rc<PyStr>,
    pub sort_keys: bool,
    pub skipkeys: bool,
    pub allow_nan: bool,
}

/// Whether `v` is the native function `f`.
pub fn is_native(v: &Value, f: NativeFn) -> bool {
    matches!(v, Value::Builtin(b) if std::ptr::fn_addr_eq(b.func, f))
}

pub struct Encoder<'a> {
    pub settings: &'a Settings,
    pub out: Vec<u8>,
    pub level: i64,
}

const CONTEXT: &str = " while encoding a JSON object";

impl Encoder<'_> {
    fn string(&mut self, vm: &mut Vm, v: &Value, s: &PyStr) -> PyResult<()> {
        if let Some(ascii) = self.settings.native_escape {
            escape_into(&mut self.out, s, ascii);
            return Ok(());
        }
        match vm.call(&self.settings.encoder, std::slice::from_ref(v), &[])? {
            Value::Str(r) => {
                self.out.extend_from_slice(r.wtf8());
                Ok(())
            }
            other => Err(vm.type_error(format!(
                "encoder() must return a string, not {}",
                vm.type_name(&other)
            ))),
        }
    }

    /// The text of a float: its repr, or the names of the non-finite values.
    fn float_text(&self, vm: &mut Vm, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(float::repr(f));
        }
        if !self.settings.allow_nan {
            return Err(vm.value_error(format!(
                "Out of range float values are not JSON compliant: {}",
                float::repr(f)
            )));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .into())
    }

    fn int_text(vm: &mut Vm, base: &Value) -> PyResult<String> {
        match base {
            Value::Int(n) => Ok(n.to_string()),
            _ => Ok(vm.repr(base)?.as_str().to_string()),
        }
    }

    pub fn value(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        match v {
            Value::None => self.out.extend_from_slice(b"null"),
            Value::Bool(true) => self.out.extend_from_slice(b"true"),
            Value::Bool(false) => self.out.extend_from_slice(b"false"),
            Value::Str(s) => self.string(vm, v, s)?,
            Value::Int(_) | Value::BigInt(_) => {
                let t = Self::int_text(vm, v)?;
                self.out.extend_from_slice(t.as_bytes());
            }
            Value::Float(f) => {
                let t = self.float_text(vm, *f)?;
                self.out.extend_from_slice(t.as_bytes());
            }
            Value::List(l) => {
                let items = l.items.borrow().clone();
                self.sequence(vm, v, &items)?;
            }
            Value::Tuple(t) => self.sequence(vm, v, &t.items)?,
            Value::Dict(d) => self.dict(vm, v, d)?,
            _ => self.other(vm, v)?,
        }
        Ok(())
    }

    /// A value of no built-in type: an instance of a subclass of one, or `default`'s.
    fn other(&mut self, vm: &mut Vm, v: &Value) -> PyResult<()> {
        match vm.builtin_base(v) {
            Some(Value::Str(s)) => return self.string(vm, v, &s),
            Some(base @ (Value::Int(_) | Value::BigInt(_))) => {
                let t = Self::int_text(vm, &base)?;
                self.out.extend_from_slice(t.as_bytes());
                return Ok(());
            }
            Some(Value::Float(f)) => {
                let t = self.float_text(vm, f)?;
                self.out.extend_from_slice(t.as_bytes());
                return Ok(());
            }
            Some(Value::List(l)) => {
                let items = l.items.borrow().clone();
                return self.sequence(vm, v, &items);
            }
            Some(Value::Tuple(t)) => return self.sequence(vm, v, &t.items),
            Some(Value::Dict(d)) => return self.dict(vm, v, &d),
            _ => {}
        }
        let marker = self.enter(vm, v)?;
        // The call of `default` is a level of its own, as CPython's evaluation loop
        // counts one: endless replacements stop there, with no context in the message.
        vm.enter_native("")?;
        let replaced = vm.call(&self.settings.default, std::slice::from_ref(v), &[]);
        vm.leave_native();
        let replaced = replaced?;
        vm.enter_native(CONTEXT)?;
        let r = self.value(vm, &replaced);
        vm.leave_native();
        r?;
        self.leave(vm, marker)
    }

    /// Mark `v` as being encoded; CPython's ValueError if it already is.
    fn enter(&mut self, vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
        let Some(markers) = &self.settings.markers else {
            return Ok(None);
        };
        let id = Value::Int(v.ptr().unwrap_or(0) as i64);
        if vm.dict_lookup(markers, &id)?.is_some() {
            return Err(vm.value_error("Circular reference detected"));
        }
        vm.dict_set(markers, id.clone(), v.clone())?;
        Ok(Some(id))
    }

    fn leave(&mut self, vm: &mut Vm, marker: Option<Value>) -> PyResult<()> {
        if let (Some(markers), Some(id)) = (&self.settings.markers, marker) {
            vm.dict_remove(markers, &id)?;
        }
        Ok(())
    }

    /// Open a container: its bracket, and the first line break when indenting.
    fn open(&mut self, bracket: u8) -> Option<Vec<u8>> {
        self.out.push(bracket);
        let indent = self.settings.indent.as_ref()?;
        self.level += 1;
        let mut newline = vec![b'\n'];
        for _ in 0..self.level {
            newline.extend_from_slice(indent.wtf8());
        }
        self.out.extend_from_slice(&newline);
        Some(newline)
    }

    fn close(&mut self, bracket: u8) {
        if let Some(indent) = &self.settings.indent {
            self.level -= 1;
            self.out.push(b'\n');
            for _ in 0..self.level {
                self.out.extend_from_slice(indent.wtf8());
            }
        }
        self.out.push(bracket);
    }

    fn separate(&mut self, newline: &Option<Vec<u8>>) {
        self.out
            .extend_from_slice(self.settings.item_separator.wtf8());
        if let Some(n) = newline {
            self.out.extend_from_slice(n);
        }
    }

    fn sequence(&mut self, vm: &mut Vm, v: &Value, items: &[Value]) -> PyResult<()> {
        if items.is_empty() {
            self.out.extend_from_slice(b"[]");
            return Ok(());
        }
        let marker = self.enter(vm, v)?;
        let newline = self.open(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.separate(&newline);
            }
            vm.enter_native(CONTEXT)?;
            let r = self.value(vm, item);
            vm.leave_native();
            r?;
        }
        self.close(b']');
        self.leave(vm, marker)
    }

    /// The text of a dict key, or None for a key `skipkeys` leaves out.
    fn key_text(&self, vm: &mut Vm, key: &Value) -> PyResult<Option<Rc<PyStr>>> {
        let base = match key {
            Value::Instance(_) => vm.builtin_base(key).unwrap_or(Value::Null),
            _ => key.clone(),
        };
        let text = match &base {
            Value::Str(s) => return Ok(Some(s.clone())),
            Value::Float(f) => self.float_text(vm, *f)?,
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            Value::Int(_) | Value::BigInt(_) => Self::int_text(vm, &base)?,
            _ if self.settings.skipkeys => return Ok(None),
            _ => {
                return Err(vm.type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    vm.type_name(key)
                )))
            }
        };
        Ok(Some(Rc::new(PyStr::from_string(text))))
    }

    fn dict(&mut self, vm: &mut Vm, v: &Value, d: &Dict) -> PyResult<()> {
        if d.is_empty() {
            self.out.extend_from_slice(b"{}");
            return Ok(());
        }
        let marker = self.enter(vm, v)?;
        let mut items = d.items();
        if self.settings.sort_keys {
            items = sorted_items(vm, items)?;
        }
        let newline = self.open(b'{');
        let mut first = true;
        for (key, value) in &items {
            let Some(text) = self.key_text(vm, key)? else {
                continue;
            };
            if !first {
                self.separate(&newline);
            }
            first = false;
            self.string(vm, &Value::Str(text.clone()), &text)?;
            self.out
                .extend_from_slice(self.settings.key_separator.wtf8());
            vm.enter_native(CONTEXT)?;
            let r = self.value(vm, value);
            vm.leave_native();
            r?;
        }
        self.close(b'}');
        self.leave(vm, marker)
    }
}

/// The items sorted as `sorted(d.items())` sorts them.
fn sorted_items(vm: &mut Vm, items: Vec<(Value, Value)>) -> PyResult<Vec<(Value, Value)>> {
    let list = Value::list(
        items
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]))
            .collect(),
    );
    let key = vm.intern("sorted");
    let Some(sorted) = vm.builtins.get_str(&key) else {
        return Err(vm.runtime_error("sorted is missing"));
    };
    let Value::List(out) = vm.call(&sorted, &[list], &[])? else {
        return Err(vm.runtime_error("sorted did not return a list"));
    };
    let pairs = out.items.borrow();
    Ok(pairs
        .iter()
        .filter_map(|p| match p {
            Value::Tuple(t) if t.items.len() == 2 => Some((t.items[0].clone(), t.items[1].clone())),
            _ => None,
        })
        .collect())
}
