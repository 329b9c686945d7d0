//! `memoryview` over `bytes` and `bytearray`: one-dimensional views whose items are
//! bytes (formats `B`, `b`, `c`) or, after `cast`, native machine values (`h`, `I`,
//! `q`, `d`...), slicing into sub-views, item assignment through a writable view,
//! `tobytes` / `tolist` / `hex` / `cast`, `release` and the context manager. While a
//! view of a bytearray is live (not released, not collected) the bytearray counts it
//! as an export and refuses to change size.

use super::{add_dunder, add_method, check_method_args};
use crate::object::function::KwArg;
use crate::object::{ObjKind, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

/// A view: the exporting object and which of its bytes, in order.
pub struct View {
    /// The bytes or bytearray the view reads.
    pub obj: Value,
    /// Where the first item starts, and the distance from one item to the next, in
    /// bytes; `len` items of `itemsize` bytes each.
    pub start: usize,
    pub step: isize,
    pub len: usize,
    /// The struct format code of the items, as given (with its optional `@`).
    pub format: &'static str,
    pub itemsize: usize,
    pub readonly: bool,
    pub released: Cell<bool>,
}

impl View {
    fn new(obj: Value, start: usize, step: isize, len: usize, format: &'static str) -> View {
        let itemsize = format_size(format).unwrap_or(1);
        let readonly = !matches!(&obj, Value::Obj(o) if matches!(o.kind, ObjKind::ByteArray(_)));
        if let Some(ba) = super::bytearray::as_bytearray(&obj) {
            ba.exports.set(ba.exports.get() + 1);
        }
        View {
            obj,
            start,
            step,
            len,
            format,
            itemsize,
            readonly,
            released: Cell::new(false),
        }
    }

    fn release(&self) {
        if !self.released.replace(true) {
            if let Some(ba) = super::bytearray::as_bytearray(&self.obj) {
                ba.exports.set(ba.exports.get().saturating_sub(1));
            }
        }
    }

    /// Where in the exporter each item starts, in order.
    fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start as isize + k as isize * self.step) as usize)
    }

    /// The format's type code.
    fn code(&self) -> u8 {
        self.format.as_bytes().last().copied().unwrap_or(b'B')
    }

    /// The value of one item from its bytes (native byte order).
    fn item_value(&self, b: &[u8]) -> Value {
        let mut word = [0u8; 8];
        let n = b.len().min(8);
        word[..n].copy_from_slice(&b[..n]);
        let unsigned = u64::from_ne_bytes(word);
        let shift = 64 - 8 * n.max(1) as u32;
        let signed = ((unsigned << shift) as i64) >> shift;
        match self.code() {
            b'c' => super::bytes::new_bytes(b.to_vec()),
            b'?' => Value::Bool(unsigned != 0),
            b'f' => Value::Float(f32::from_bits(unsigned as u32) as f64),
            b'd' => Value::Float(f64::from_bits(unsigned)),
            b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => Value::Int(signed),
            _ => match i64::try_from(unsigned) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::from_bigint(unsigned.into()),
            },
        }
    }

    /// The items' bytes, one slice per item.
    fn items(&self) -> Vec<Vec<u8>> {
        contents(self)
            .chunks(self.itemsize.max(1))
            .map(<[u8]>::to_vec)
            .collect()
    }
}

/// The item size of a native single-character struct format (with optional `@`).
fn format_size(format: &str) -> Option<usize> {
    Some(match format.strip_prefix('@').unwrap_or(format) {
        "B" | "b" | "c" | "?" => 1,
        "h" | "H" => 2,
        "i" | "I" | "f" => 4,
        "l" | "L" | "q" | "Q" | "n" | "N" | "d" | "P" => 8,
        _ => return None,
    })
}

impl Drop for View {
    fn drop(&mut self) {
        self.release();
    }
}

/// The bytes a view shows, in order (empty once released).
pub fn contents(view: &View) -> Vec<u8> {
    if view.released.get() {
        return Vec::new();
    }
    let size = view.itemsize.max(1);
    let read = |data: &[u8]| {
        view.positions()
            .filter_map(|i| data.get(i..i + size))
            .flatten()
            .copied()
            .collect()
    };
    match &view.obj {
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) => read(b),
            ObjKind::ByteArray(b) => read(&b.data.borrow()),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn new_view(view: View) -> Value {
    Value::obj(
        crate::vm::builtin_types::types().memoryview.clone(),
        ObjKind::MemoryView(Box::new(view)),
    )
}

pub fn as_view(v: &Value) -> Option<&View> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::MemoryView(m) => Some(m),
            _ => None,
        },
        _ => None,
    }
}

/// ValueError for a released view.
pub fn check_live(vm: &Vm, view: &View) -> PyResult<()> {
    if view.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(())
}

/// The view a method was called on, live.
fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> PyResult<&'a View> {
    let view = args.first().and_then(as_view).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for 'memoryview' objects doesn't apply to a '{}' object",
            args.first().map(|v| vm.type_name(v)).unwrap_or_default()
        ))
    })?;
    check_live(vm, view)?;
    Ok(view)
}

fn memoryview_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [object] =
        super::parse_clinic_args(vm, "memoryview", ["object"], 1, 1, &args[1..], kwargs)?;
    let object = object.unwrap_or(Value::None);
    if let Some(v) = as_view(&object) {
        check_live(vm, v)?;
        return Ok(new_view(View::new(
            v.obj.clone(),
            v.start,
            v.step,
            v.len,
            v.format,
        )));
    }
    // A bytes subclass's instance is viewed through its bytes.
    let object = match vm.builtin_base(&object) {
        Some(base @ Value::Obj(_)) => base,
        _ => object,
    };
    let len = match &object {
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) => Some(b.len()),
            ObjKind::ByteArray(b) => Some(b.data.borrow().len()),
            _ => None,
        },
        _ => None,
    };
    match len {
        Some(len) => Ok(new_view(View::new(object, 0, 1, len, "B"))),
        None => Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(&object)
        ))),
    }
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let view = this(vm, "__getitem__", args)?;
    check_method_args(vm, "__getitem__", args, 1, 1)?;
    if let Value::Obj(o) = &args[1] {
        if let ObjKind::Slice { start, stop, step } = &o.kind {
            let si = vm.slice_indices(start, stop, step, view.len)?;
            let first = view.start as isize + si.start as isize * view.step;
            return Ok(new_view(View::new(
                view.obj.clone(),
                first.max(0) as usize,
                view.step * si.step as isize,
                si.len,
                view.format,
            )));
        }
    }
    let i = index_key(vm, &args[1])?;
    let Some(k) = crate::vm::subscript::wrap_index(i, view.len) else {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    };
    let at = view.positions().nth(k);
    match contents_at(view, at) {
        Some(b) => Ok(view.item_value(&b)),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

/// The bytes of the item starting at `at`.
fn contents_at(view: &View, at: Option<usize>) -> Option<Vec<u8>> {
    let at = at?;
    let read = |data: &[u8]| data.get(at..at + view.itemsize).map(<[u8]>::to_vec);
    match &view.obj {
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) => read(b),
            ObjKind::ByteArray(b) => read(&b.data.borrow()),
            _ => None,
        },
        _ => None,
    }
}

/// An index key (not a slice).
fn index_key(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    match vm.index_value(key)? {
        Some(i) => Ok(i),
        None => Err(vm.type_error("memoryview: invalid slice key")),
    }
}

/// An item value for a view's format, as the byte to store.
fn item_byte(vm: &mut Vm, view: &View, v: &Value) -> PyResult<u8> {
    let invalid = |vm: &Vm| {
        vm.value_error(format!(
            "memoryview: invalid value for format '{}'",
            view.format
        ))
    };
    match view.code() {
        b'c' => match super::bytearray::bytes_like(v) {
            Some(b) if b.len() == 1 => Ok(b[0]),
            Some(_) => Err(invalid(vm)),
            None => Err(vm.type_error(format!(
                "memoryview: invalid type for format '{}'",
                view.format
            ))),
        },
        fmt => {
            if vm.index_value(v)?.is_none() {
                return Err(vm.type_error(format!(
                    "memoryview: invalid type for format '{}'",
                    view.format
                )));
            }
            let i = super::arg_int(vm, v)?;
            let ok = if fmt == b'b' {
                i8::try_from(i).map(|x| x as u8).ok()
            } else {
                u8::try_from(i).ok()
            };
            ok.ok_or_else(|| invalid(vm))
        }
    }
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let view = this(vm, "__setitem__", args)?;
    check_method_args(vm, "__setitem__", args, 2, 2)?;
    if view.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    if view.itemsize != 1 {
        return Err(crate::vm::PyErr::from_value(vm.new_exception(
            &vm.types.not_implemented_error,
            vec![Value::from_string(format!(
                "memoryview: assignment to items of format '{}' is not supported yet",
                view.format
            ))],
        )));
    }
    let (key, value) = (&args[1], &args[2]);
    let writes: Vec<(usize, u8)> = match key {
        Value::Obj(o) if matches!(o.kind, ObjKind::Slice { .. }) => {
            let ObjKind::Slice { start, stop, step } = &o.kind else {
                return Ok(Value::None);
            };
            let si = vm.slice_indices(start, stop, step, view.len)?;
            let new = super::bytearray::bytes_like(value).ok_or_else(|| {
                vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(value)
                ))
            })?;
            if new.len() != si.len {
                return Err(vm.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            let positions: Vec<usize> = view.positions().collect();
            (0..si.len)
                .filter_map(|k| {
                    let idx = (si.start + k as i64 * si.step) as usize;
                    positions.get(idx).map(|&p| (p, new[k]))
                })
                .collect()
        }
        _ => {
            let i = index_key(vm, key)?;
            let Some(k) = crate::vm::subscript::wrap_index(i, view.len) else {
                return Err(vm.index_error("index out of bounds on dimension 1"));
            };
            let b = item_byte(vm, view, value)?;
            view.positions()
                .nth(k)
                .map(|p| (p, b))
                .into_iter()
                .collect()
        }
    };
    if let Some(ba) = super::bytearray::as_bytearray(&view.obj) {
        let mut data = ba.data.borrow_mut();
        for (p, b) in writes {
            if let Some(slot) = data.get_mut(p) {
                *slot = b;
            }
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let view = this(vm, "__len__", args)?;
    Ok(Value::Int(view.len as i64))
}

fn tobytes(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let view = this(vm, "tobytes", args)?;
    Ok(super::bytes::new_bytes(contents(view)))
}

fn tolist(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let view = this(vm, "tolist", args)?;
    check_method_args(vm, "tolist", args, 0, 0)?;
    let items = view.items().iter().map(|b| view.item_value(b)).collect();
    Ok(Value::list(items))
}

fn hex(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let view = this(vm, "hex", args)?;
    Ok(Value::from_string(
        contents(view).iter().map(|x| format!("{x:02x}")).collect(),
    ))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let items = tolist(vm, &args[..1], &[])?;
    vm.get_iter(&items)
}

fn cast(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let view = this(vm, "cast", args)?;
    check_method_args(vm, "cast", args, 1, 2)?;
    let format = match &args[1] {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(vm.type_error(format!(
                "cast() argument 'format' must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    let (Some(size), Some(kept)) = (format_size(&format), FORMATS.iter().find(|f| **f == format))
    else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if view.itemsize != 1 && size != 1 {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if view.len > 1 && view.step != view.itemsize as isize {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let nbytes = view.len * view.itemsize;
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    Ok(new_view(View::new(
        view.obj.clone(),
        view.start,
        size as isize,
        nbytes / size,
        kept,
    )))
}

/// The formats `cast` accepts, as the view keeps them.
const FORMATS: &[&str] = &[
    "B", "b", "c", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "f", "d", "P", "@B",
    "@b", "@c", "@?", "@h", "@H", "@i", "@I", "@l", "@L", "@q", "@Q", "@n", "@N", "@f", "@d", "@P",
];

fn release(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    if let Some(view) = args.first().and_then(as_view) {
        view.release();
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor 'release' for 'memoryview' objects doesn't apply"))
}

fn enter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    this(vm, "__enter__", args)?;
    Ok(args[0].clone())
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    release(vm, &args[..1.min(args.len())], &[])
}

fn toreadonly(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let view = this(vm, "toreadonly", args)?;
    let mut v = View::new(
        view.obj.clone(),
        view.start,
        view.step,
        view.len,
        view.format,
    );
    v.readonly = true;
    Ok(new_view(v))
}

/// `==` / `!=` between a view and a buffer, by contents; None for other operands.
pub fn equal(vm: &Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (view, other) = match (as_view(a), as_view(b)) {
        (Some(v), _) => (v, b),
        (None, Some(v)) => (v, a),
        _ => return Ok(None),
    };
    if view.released.get() || as_view(other).is_some_and(|o| o.released.get()) {
        return Ok(Some(a.is(b)));
    }
    let _ = vm;
    Ok(super::bytearray::bytes_like(other).map(|o| o == contents(view)))
}

/// `hash(view)`: the bytes' hash for a read-only view.
pub fn hash(vm: &Vm, view: &View) -> PyResult<i64> {
    check_live(vm, view)?;
    if !view.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    Ok(crate::object::str::hash_bytes(&contents(view)))
}

/// The view's descriptive attributes.
pub fn attr(vm: &Vm, view: &View, name: &str) -> PyResult<Option<Value>> {
    if name == "obj"
        || name == "nbytes"
        || name == "readonly"
        || name == "format"
        || name == "itemsize"
        || name == "ndim"
        || name == "shape"
        || name == "strides"
        || name == "contiguous"
        || name == "c_contiguous"
        || name == "f_contiguous"
    {
        check_live(vm, view)?;
    }
    let contiguous = view.step == view.itemsize as isize || view.len <= 1;
    Ok(Some(match name {
        "obj" => view.obj.clone(),
        "nbytes" => Value::Int((view.len * view.itemsize) as i64),
        "readonly" => Value::Bool(view.readonly),
        "format" => Value::str(view.format),
        "itemsize" => Value::Int(view.itemsize as i64),
        "ndim" => Value::Int(1),
        "shape" => Value::tuple(vec![Value::Int(view.len as i64)]),
        "strides" => Value::tuple(vec![Value::Int(view.step as i64)]),
        "contiguous" | "c_contiguous" | "f_contiguous" => Value::Bool(contiguous),
        _ => return Ok(None),
    }))
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.memoryview.clone();
    super::types::set_native_new(&t, memoryview_new);
    for (name, f) in [
        ("tobytes", tobytes as crate::object::NativeFn),
        ("tolist", tolist),
        ("hex", hex),
        ("cast", cast),
        ("release", release),
        ("toreadonly", toreadonly),
        ("__enter__", enter),
        ("__exit__", exit),
    ] {
        add_method(vm, &t, name, f);
    }
    for (name, f) in [
        ("__getitem__", getitem as crate::object::NativeFn),
        ("__setitem__", setitem),
        ("__len__", len),
        ("__iter__", iter),
    ] {
        add_dunder(vm, &t, name, f);
    }
}
