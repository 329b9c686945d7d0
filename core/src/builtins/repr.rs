//! `repr()` and `str()` of every kind of value, with CPython's text (including the
//! `[...]` of recursive containers).

use crate::object::function::BuiltinKind;
use crate::object::{bigint_text, float, ObjKind, PyStr, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::rc::Rc;

fn s(text: String) -> PyResult<Rc<PyStr>> {
    Ok(Rc::new(PyStr::from_string(text)))
}

/// Python's repr of text: single quotes unless the text has them and no double quotes.
pub fn str_repr(text: &str) -> String {
    repr_text(text, text.chars().map(|c| c as u32))
}

/// `repr()` of a str, its lone surrogates escaped as CPython shows them (`\ud800`).
pub fn pystr_repr(text: &PyStr) -> String {
    if !text.has_surrogates() {
        return str_repr(text.as_str());
    }
    repr_text(text.as_str(), text.code_points())
}

/// The repr of the text `view` shows, whose exact code points are `points`.
fn repr_text(view: &str, points: impl Iterator<Item = u32>) -> String {
    let quote = if view.contains('\'') && !view.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(view.len() + 2);
    out.push(quote);
    for n in points {
        let Some(c) = char::from_u32(n) else {
            out.push_str(&format!("\\u{n:04x}"));
            continue;
        };
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if n < 0x20 || n == 0x7f => out.push_str(&format!("\\x{n:02x}")),
            c if !is_printable(c) => {
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for one character: not a control, format, separator
/// (other than space), surrogate, private-use or unassigned code point.
pub(crate) fn is_printable(c: char) -> bool {
    let n = c as u32;
    if (0x20..0x7f).contains(&n) {
        return true;
    }
    let table = super::unicode_printable::NOT_PRINTABLE;
    let i = table.partition_point(|&(_, last)| last < n);
    table.get(i).is_none_or(|&(first, _)| first > n)
}

/// How `int | Foo | None` names a member: None, a builtin by name, any other
/// class as module.qualname.
fn union_member_repr(vm: &mut Vm, member: &Value) -> PyResult<String> {
    let Value::Type(t) = member else {
        return Ok(vm.repr(member)?.as_str().to_string());
    };
    if Rc::ptr_eq(t, &vm.types.none) {
        return Ok("None".into());
    }
    let module_key = vm.intern("__module__");
    let module = vm.get_attr_opt(member, &module_key)?;
    let qualname = t.qualname.borrow().as_str().to_string();
    Ok(match module.as_ref().and_then(|m| m.as_str()) {
        Some(m) if m.as_str() != "builtins" => format!("{}.{qualname}", m.as_str()),
        _ => qualname,
    })
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// Start the repr of a container; false when its repr is already being made
/// further out (a cycle, printed as `[...]`).
fn enter(vm: &mut Vm, v: &Value) -> bool {
    v.ptr().is_none_or(|p| vm.repr_active.insert(p))
}

fn leave(vm: &mut Vm, v: &Value) {
    if let Some(p) = v.ptr() {
        vm.repr_active.remove(&p);
    }
}

/// `open`, the reprs of `items` joined by ", ", then `close`. The text grows
/// fallibly: a repr too long for memory is a MemoryError, not the end of the process.
fn join_reprs(vm: &mut Vm, open: &str, items: &[Value], close: &str) -> PyResult<String> {
    let mut out = String::new();
    let push = |vm: &Vm, out: &mut String, piece: &str| {
        out.try_reserve(piece.len())
            .map_err(|_| vm.memory_error())?;
        out.push_str(piece);
        Ok::<(), PyErr>(())
    };
    push(vm, &mut out, open)?;
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            push(vm, &mut out, ", ")?;
        }
        let r = vm.repr(x)?;
        push(vm, &mut out, r.as_str())?;
    }
    push(vm, &mut out, close)?;
    Ok(out)
}

fn container_repr(
    vm: &mut Vm,
    v: &Value,
    open: &str,
    items: &[Value],
    close: &str,
    recursive: &str,
) -> PyResult<Rc<PyStr>> {
    if !enter(vm, v) {
        return s(recursive.to_string());
    }
    let r = join_reprs(vm, open, items, close);
    leave(vm, v);
    s(r?)
}

pub fn int_text(v: &Value) -> Option<String> {
    match v {
        Value::Int(i) => Some(i.to_string()),
        Value::BigInt(b) => Some(b.to_string()),
        Value::Bool(b) => Some(if *b { "True" } else { "False" }.to_string()),
        _ => None,
    }
}

/// `repr(v)`: one level of native recursion.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<Rc<PyStr>> {
    vm.nested(" while getting the repr of an object", |vm| repr_of(vm, v))
}

fn repr_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<PyStr>> {
    match v {
        Value::None | Value::Null => s("None".into()),
        Value::Bool(b) => s(if *b { "True" } else { "False" }.into()),
        Value::Int(i) => s(i.to_string()),
        Value::BigInt(b) => match bigint_text::signed_decimal(b) {
            Ok(text) => s(text),
            Err(limit) => Err(vm.value_error(bigint_text::to_text_limit_message(limit))),
        },
        Value::Float(f) => s(float::repr(*f)),
        Value::Str(x) => s(pystr_repr(x)),
        Value::List(l) => {
            let items = l.snapshot();
            container_repr(vm, v, "[", &items, "]", "[...]")
        }
        Value::Tuple(t) => {
            if t.items.len() == 1 {
                let inner = vm.repr(&t.items[0])?;
                return s(format!("({},)", inner.as_str()));
            }
            let items = t.items.to_vec();
            container_repr(vm, v, "(", &items, ")", "(...)")
        }
        Value::Dict(d) => {
            if !enter(vm, v) {
                return s("{...}".into());
            }
            let mut out = String::from("{");
            let mut res = Ok(());
            for (i, (k, val)) in d.items().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match (vm.repr(k), vm.repr(val)) {
                    (Ok(a), Ok(b)) => {
                        out.push_str(a.as_str());
                        out.push_str(": ");
                        out.push_str(b.as_str());
                    }
                    (Err(e), _) | (_, Err(e)) => {
                        res = Err(e);
                        break;
                    }
                }
            }
            leave(vm, v);
            res?;
            out.push('}');
            s(out)
        }
        Value::Set(set) => {
            let items = set.keys();
            let name = if set.frozen { "frozenset" } else { "set" };
            if items.is_empty() {
                return s(format!("{name}()"));
            }
            if set.frozen {
                let inner = container_repr(vm, v, "{", &items, "}", "...")?;
                return s(format!("frozenset({})", inner.as_str()));
            }
            container_repr(vm, v, "{", &items, "}", "set(...)")
        }
        Value::Function(f) => s(format!(
            "<function {} at {:#x}>",
            f.qualname().as_str(),
            v.ptr().unwrap_or(0)
        )),
        Value::Builtin(b) => match &b.bound {
            Some(recv) if b.kind == BuiltinKind::MethodWrapper => s(format!(
                "<method-wrapper '{}' of {} object at {:#x}>",
                b.name,
                vm.type_name(recv),
                recv.ptr().unwrap_or(0)
            )),
            Some(recv) if !matches!(recv, Value::Module(_)) => s(format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                vm.type_name(recv),
                recv.ptr().unwrap_or(0)
            )),
            None if b.is_method_descriptor() => {
                s(format!("<method '{}' of '{}' objects>", b.name, b.owner))
            }
            None if b.kind.binds() => s(format!(
                "<slot wrapper '{}' of '{}' objects>",
                b.name, b.owner
            )),
            _ => s(format!("<built-in function {}>", b.name)),
        },
        Value::Method(m) => {
            let fname = match &m.func {
                Value::Function(f) => f.qualname().as_str().to_string(),
                other => vm.repr(other)?.as_str().to_string(),
            };
            let recv = vm.repr(&m.receiver)?;
            s(format!("<bound method {} of {}>", fname, recv.as_str()))
        }
        Value::Type(t) => {
            let name = vm.names.d_repr.clone();
            if let Some(m) = vm.metaclass_method(v, &name) {
                let text = vm.call_method_value(m, v, &[])?;
                return text_result(vm, &name, text);
            }
            let module = t
                .dict
                .get_str(&vm.names.d_module.clone())
                .and_then(|m| m.as_str().map(|x| x.as_str().to_string()));
            match module {
                Some(m) if m != "builtins" => {
                    s(format!("<class '{}.{}'>", m, t.qualname.borrow().as_str()))
                }
                _ => s(format!("<class '{}'>", t.qualname.borrow().as_str())),
            }
        }
        Value::Module(m) => module_repr(vm, v, m),
        Value::Code(c) => s(format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            c.name.as_str(),
            v.ptr().unwrap_or(0),
            c.filename.as_str(),
            c.firstlineno
        )),
        Value::Cell(c) => {
            let inner = c.get();
            if inner.is_null() {
                s(format!("<cell at {:#x}: empty>", v.ptr().unwrap_or(0)))
            } else {
                s(format!(
                    "<cell at {:#x}: {} object at {:#x}>",
                    v.ptr().unwrap_or(0),
                    vm.type_name(&inner),
                    inner.ptr().unwrap_or(0)
                ))
            }
        }
        Value::Generator(g) => s(format!(
            "<{} object {} at {:#x}>",
            g.kind_name(),
            g.code.qualname.as_str(),
            v.ptr().unwrap_or(0)
        )),
        Value::Instance(_) => instance_repr(vm, v),
        Value::Obj(o) => match &o.kind {
            ObjKind::NotImplemented => s("NotImplemented".into()),
            ObjKind::Ellipsis => s("Ellipsis".into()),
            ObjKind::BigRange(r) => s(crate::builtins::range::big_range_repr(r)),
            ObjKind::Range { start, stop, step } => {
                if *step == 1 {
                    s(format!("range({start}, {stop})"))
                } else {
                    s(format!("range({start}, {stop}, {step})"))
                }
            }
            ObjKind::Slice { start, stop, step } => {
                let a = vm.repr(start)?;
                let b = vm.repr(stop)?;
                let c = vm.repr(step)?;
                s(format!(
                    "slice({}, {}, {})",
                    a.as_str(),
                    b.as_str(),
                    c.as_str()
                ))
            }
            ObjKind::Bytes(b) => s(bytes_repr(b)),
            ObjKind::ByteArray(b) => s(format!("bytearray({})", bytes_repr(&b.data.borrow()))),
            ObjKind::MemoryView(m) => s(format!(
                "<{}memory at {:#x}>",
                if m.released.get() { "released " } else { "" },
                v.ptr().unwrap_or(0)
            )),
            ObjKind::Complex(re, im) => s(crate::builtins::complex::repr(
                crate::builtins::complex::C { re: *re, im: *im },
            )),
            ObjKind::Frame(d) => s(vm.frame_repr(d, v.ptr().unwrap_or(0))),
            ObjKind::DictView(d, kind) => {
                let (name, items) = match kind {
                    crate::object::DictViewKind::Keys => ("dict_keys", d.keys()),
                    crate::object::DictViewKind::Values => ("dict_values", d.values()),
                    crate::object::DictViewKind::Items => (
                        "dict_items",
                        d.items()
                            .into_iter()
                            .map(|(k, x)| Value::tuple(vec![k, x]))
                            .collect(),
                    ),
                };
                let inner = container_repr(vm, v, "[", &items, "]", "[...]")?;
                s(format!("{name}({})", inner.as_str()))
            }
            ObjKind::Native(_) => instance_repr(vm, v),
            ObjKind::ClassMethod(Value::Builtin(b))
                if Rc::ptr_eq(&o.cls, &vm.types.classmethod_descriptor) =>
            {
                s(format!("<method '{}' of '{}' objects>", b.name, b.owner))
            }
            ObjKind::MappingProxy(d) => {
                let inner = vm.repr(&Value::Dict(d.clone()))?;
                s(format!("mappingproxy({})", inner.as_str()))
            }
            ObjKind::GenericAlias(ga) => super::generic_alias::repr(vm, ga),
            ObjKind::UnionType(members) => {
                let mut parts = Vec::with_capacity(members.len());
                for m in members.iter() {
                    parts.push(union_member_repr(vm, m)?);
                }
                s(parts.join(" | "))
            }
            _ => s(format!(
                "<{} object at {:#x}>",
                o.cls.name().as_str(),
                v.ptr().unwrap_or(0)
            )),
        },
    }
}

/// Call a class's own `__repr__` / `__str__` (not the generic built-in one), which
/// must return a str.
fn call_text_method(
    vm: &mut Vm,
    v: &Value,
    cls: &crate::object::TypeRef,
    name: &Rc<PyStr>,
) -> PyResult<Option<Rc<PyStr>>> {
    let Some(m) = cls.lookup(name) else {
        return Ok(None);
    };
    // The built-in behaviour, unless a Python class put a built-in type's method in
    // its own namespace (enum's `IntFlag.__str__ = int.__repr__`).
    let inherited_builtin = |b: &crate::object::Builtin| {
        b.owner == "object"
            || (b.kind == BuiltinKind::GenericSlot
                && cls
                    .mro
                    .borrow()
                    .iter()
                    .find(|t| t.dict.get_str(name).is_some())
                    .is_none_or(|t| t.builtin))
    };
    if matches!(m, Value::Builtin(ref b) if inherited_builtin(b)) {
        return Ok(None);
    }
    let text = vm.call_method_value(m, v, &[])?;
    text_result(vm, name, text).map(Some)
}

/// What a `__repr__` or `__str__` returned, which must be a str.
fn text_result(vm: &Vm, name: &PyStr, text: Value) -> PyResult<Rc<PyStr>> {
    match text {
        Value::Str(x) => Ok(x),
        other => Err(vm.type_error(format!(
            "{} returned non-string (type {})",
            name.as_str(),
            vm.type_name(&other)
        ))),
    }
}

fn instance_repr(vm: &mut Vm, v: &Value) -> PyResult<Rc<PyStr>> {
    let cls = vm.type_of(v);
    let name = vm.names.d_repr.clone();
    if let Some(text) = call_text_method(vm, v, &cls, &name)? {
        return Ok(text);
    }
    if vm.is_exception_instance(v) {
        return exception_repr(vm, v, &cls);
    }
    match vm.builtin_base(v) {
        // An enumerate or zip subclass prints as a plain object, as in CPython.
        Some(Value::Obj(o)) if matches!(o.kind, ObjKind::Iter(_)) => {}
        Some(Value::Obj(o)) if matches!(o.kind, ObjKind::ByteArray(_)) => {
            if let ObjKind::ByteArray(b) = &o.kind {
                return s(format!(
                    "{}({})",
                    cls.name().as_str(),
                    bytes_repr(&b.data.borrow())
                ));
            }
        }
        Some(b) => return vm.repr(&b),
        None => {}
    }
    object_repr(vm, v)
}

/// A module's repr: its class's `__repr__` if a Python subclass defines one, else
/// `<module 'name'>`, with the file it came from if it has one.
fn module_repr(vm: &mut Vm, v: &Value, m: &crate::object::Module) -> PyResult<Rc<PyStr>> {
    if let Some(cls) = m.subclass() {
        let name = vm.names.d_repr.clone();
        if let Some(text) = call_text_method(vm, v, &cls, &name)? {
            return Ok(text);
        }
    }
    let name = vm
        .module_display_name(m)
        .map_or_else(|| "?".to_string(), |n| n.as_str().to_string());
    match m.dict.get_str(&vm.names.d_file) {
        Some(Value::Str(file)) => s(format!("<module '{name}' from '{}'>", file.as_str())),
        _ => s(format!("<module '{name}'>")),
    }
}

fn exception_repr(vm: &mut Vm, v: &Value, cls: &crate::object::TypeRef) -> PyResult<Rc<PyStr>> {
    let args = crate::vm::errors::exc_data(v)
        .map(|d| d.borrow().args.clone())
        .unwrap_or(Value::None);
    let inner = match &args {
        Value::Tuple(t) if t.items.len() == 1 => vm.repr(&t.items[0])?.as_str().to_string(),
        Value::Tuple(t) => {
            let r = vm.repr(&args)?;
            if t.items.is_empty() {
                String::new()
            } else {
                r.as_str()[1..r.as_str().len() - 1].to_string()
            }
        }
        _ => String::new(),
    };
    s(format!("{}({})", cls.name().as_str(), inner))
}

/// object.__repr__: `<module.Class object at 0x...>`.
pub fn object_repr(vm: &mut Vm, v: &Value) -> PyResult<Rc<PyStr>> {
    let cls = vm.type_of(v);
    let module = cls
        .dict
        .get_str(&vm.names.d_module.clone())
        .and_then(|m| m.as_str().map(|x| x.as_str().to_string()));
    let qual = cls.qualname.borrow().as_str().to_string();
    let name = match module {
        Some(m) if m != "builtins" => format!("{m}.{qual}"),
        _ => qual,
    };
    s(format!("<{} object at {:#x}>", name, v.ptr().unwrap_or(0)))
}

/// `str(v)`: one level of native recursion.
pub fn to_str(vm: &mut Vm, v: &Value) -> PyResult<Rc<PyStr>> {
    vm.nested(" while getting the str of an object", |vm| str_of(vm, v))
}

fn str_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(x) => Ok(x.clone()),
        Value::Type(_) => {
            let name = vm.names.d_str.clone();
            match vm.metaclass_method(v, &name) {
                Some(m) => {
                    let text = vm.call_method_value(m, v, &[])?;
                    text_result(vm, &name, text)
                }
                None => repr(vm, v),
            }
        }
        Value::Instance(_) | Value::Obj(_) | Value::Module(_) => {
            let cls = vm.type_of(v);
            let name = vm.names.d_str.clone();
            if let Some(text) = call_text_method(vm, v, &cls, &name)? {
                return Ok(text);
            }
            if vm.is_exception_instance(v) {
                let text = vm.exception_str(v);
                return s(text);
            }
            // A str subclass is its own text; other objects print as their repr.
            if let Some(b @ Value::Str(_)) = vm.builtin_base(v) {
                return str_of(vm, &b);
            }
            repr(vm, v)
        }
        _ => repr(vm, v),
    }
}
