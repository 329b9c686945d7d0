//! `bytearray`: mutable bytes. Construction, item and slice access and assignment,
//! the list-like mutators, `+` / `*` and their in-place forms, and the rule that a
//! bytearray with live memoryview exports cannot change size (BufferError).
//!
//! The methods it shares with `bytes` (find, split, upper, ...) are in
//! `bytes_methods`; `bytes_like` here reads any buffer (bytes, bytearray, memoryview).

use super::{add_dunder, add_method, arg_int, check_method_args, no_kwargs};
use crate::code::BinOp;
use crate::object::function::KwArg;
use crate::object::{ByteArray, ObjKind, Object, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub fn new_bytearray(data: Vec<u8>) -> Value {
    Value::obj(
        crate::vm::builtin_types::types().bytearray.clone(),
        ObjKind::ByteArray(ByteArray::new(data)),
    )
}

pub fn as_bytearray(v: &Value) -> Option<&ByteArray> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::ByteArray(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

/// A copy of the bytes of a buffer (bytes, bytearray, memoryview); None for other
/// kinds. A released memoryview reads as empty; callers that must refuse it check
/// first (`memoryview::check_live`).
pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) => Some(b.to_vec()),
            ObjKind::ByteArray(b) => Some(b.data.borrow().clone()),
            ObjKind::MemoryView(m) => Some(super::memoryview::contents(m)),
            _ => None,
        },
        // An instance of a bytes subclass.
        Value::Instance(i) => i.base_value().and_then(|b| bytes_like(&b)),
        _ => None,
    }
}

/// Whether `v` is a buffer `bytes_like` reads.
pub fn is_bytes_like(v: &Value) -> bool {
    match v {
        Value::Obj(o) => matches!(
            o.kind,
            ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::MemoryView(_)
        ),
        Value::Instance(i) => i.base_value().is_some_and(|b| is_bytes_like(&b)),
        _ => false,
    }
}

/// BufferError unless the bytearray may change size.
fn check_resizable(vm: &Vm, ba: &ByteArray) -> PyResult<()> {
    if ba.exports.get() > 0 {
        return Err(vm.new_error(
            &vm.types.buffer_error.clone(),
            "Existing exports of data: object cannot be re-sized",
        ));
    }
    Ok(())
}

const BYTE_RANGE: &str = "byte must be in range(0, 256)";

/// An int in range(0, 256).
pub fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    byte_in_range(vm, v, BYTE_RANGE)
}

fn byte_in_range(vm: &mut Vm, v: &Value, range_message: &str) -> PyResult<u8> {
    let i = arg_int(vm, v)?;
    u8::try_from(i).map_err(|_| vm.value_error(range_message))
}

/// The bytes of a buffer, or of an iterable of ints in range(0, 256) (else
/// ValueError with `range_message`).
fn bytes_from_iterable(vm: &mut Vm, v: &Value, range_message: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b);
    }
    let items = vm.collect_iterable(v)?;
    items
        .iter()
        .map(|it| byte_in_range(vm, it, range_message))
        .collect()
}

/// The bytearray a method works on: the receiver itself, or the built-in part of an
/// instance of a bytearray subclass.
struct Receiver(Rc<Object>);

impl std::ops::Deref for Receiver {
    type Target = ByteArray;

    fn deref(&self) -> &ByteArray {
        match &self.0.kind {
            ObjKind::ByteArray(b) => b,
            // `this` makes receivers of bytearray objects only.
            _ => unreachable!("a bytearray receiver holds a bytearray"),
        }
    }
}

fn receiver(v: &Value) -> Option<Receiver> {
    let own = match v {
        Value::Instance(i) => i.base_value()?,
        other => other.clone(),
    };
    match own {
        Value::Obj(o) if matches!(o.kind, ObjKind::ByteArray(_)) => Some(Receiver(o)),
        _ => None,
    }
}

fn this(vm: &Vm, name: &str, args: &[Value]) -> PyResult<Receiver> {
    args.first().and_then(receiver).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{}' object",
            args.first().map(|v| vm.type_name(v)).unwrap_or_default()
        ))
    })
}

/// The initial contents `bytearray(...)` / `bytes(...)` give for a source and an
/// optional encoding: a str encoded, a count of zero bytes, a buffer, or an
/// iterable of ints. `what` names the type in the messages.
pub fn initial_bytes(
    vm: &mut Vm,
    source: Option<&Value>,
    encoding: Option<&Value>,
    errors: Option<&Value>,
    what: &str,
) -> PyResult<Vec<u8>> {
    let Some(src) = source else {
        if encoding.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if errors.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(_) = src {
        let Some(enc) = encoding else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let mut args = vec![enc.clone()];
        args.extend(errors.cloned());
        let encoded = vm.call_method(src, "encode", &args)?;
        return Ok(bytes_like(&encoded).unwrap_or_default());
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = bytes_like(src) {
        return Ok(b);
    }
    if let Some(n) = vm.index_value(src)? {
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        let mut out = Vec::new();
        if out.try_reserve_exact(n as usize).is_err() {
            return Err(vm.new_error(&vm.types.memory_error.clone(), ""));
        }
        out.resize(n as usize, 0);
        return Ok(out);
    }
    if vm.get_iter(src).is_err() {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to {what}",
            vm.type_name(src)
        )));
    }
    // CPython words the range error in the plural for bytes().
    let range_message = if what == "bytes" {
        "bytes must be in range(0, 256)"
    } else {
        BYTE_RANGE
    };
    bytes_from_iterable(vm, src, range_message)
}

fn bytearray_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let data = init_args(vm, args, kwargs)?;
    let builtin = vm.types.bytearray.clone();
    match args.first() {
        Some(Value::Type(t)) => super::types::for_subclass(vm, t, &builtin, new_bytearray(data)),
        _ => Ok(new_bytearray(data)),
    }
}

/// `bytearray.__init__(self, source=b'', encoding=..., errors=...)`: the contents
/// made again (a subclass's instance is filled here, as a list subclass's by
/// `list.__init__`).
fn init(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "__init__", args)?;
    let data = init_args(vm, args, kwargs)?;
    if data.len() != ba.data.borrow().len() {
        check_resizable(vm, &ba)?;
    }
    *ba.data.borrow_mut() = data;
    Ok(Value::None)
}

/// The contents the arguments after `args[0]` give.
fn init_args(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Vec<u8>> {
    let [source, encoding, errors] = super::parse_clinic_args(
        vm,
        "bytearray",
        ["source", "encoding", "errors"],
        3,
        0,
        &args[1..],
        kwargs,
    )?;
    initial_bytes(
        vm,
        source.as_ref(),
        encoding.as_ref(),
        errors.as_ref(),
        "bytearray",
    )
}

/// The slice a key names, resolved against `len`; None for an index key.
fn slice_of(vm: &mut Vm, key: &Value, len: usize) -> PyResult<Option<Vec<usize>>> {
    if let Value::Obj(o) = key {
        if let ObjKind::Slice { start, stop, step } = &o.kind {
            let si = vm.slice_indices(start, stop, step, len)?;
            let mut out = Vec::with_capacity(si.len);
            let mut i = si.start;
            for _ in 0..si.len {
                out.push(i as usize);
                i += si.step;
            }
            return Ok(Some(out));
        }
    }
    Ok(None)
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "__getitem__", args)?;
    check_method_args(vm, "__getitem__", args, 1, 1)?;
    let len = ba.data.borrow().len();
    if let Some(positions) = slice_of(vm, &args[1], len)? {
        let data = ba.data.borrow();
        let out = positions.iter().filter_map(|&i| data.get(i).copied());
        return Ok(new_bytearray(out.collect()));
    }
    let i = vm.seq_position(&args[1], "bytearray")?;
    let data = ba.data.borrow();
    match crate::vm::subscript::wrap_index(i, data.len()) {
        Some(i) => Ok(Value::Int(data[i] as i64)),
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "__setitem__", args)?;
    check_method_args(vm, "__setitem__", args, 2, 2)?;
    let (key, value) = (&args[1], &args[2]);
    let len = ba.data.borrow().len();
    if let Some(positions) = slice_of(vm, key, len)? {
        if vm.index_value(value).ok().flatten().is_some() || vm.get_iter(value).is_err() {
            return Err(vm.type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        }
        let new = bytes_from_iterable(vm, value, BYTE_RANGE)?;
        let Value::Obj(o) = key else {
            return Ok(Value::None);
        };
        let step = match &o.kind {
            ObjKind::Slice { step, .. } if !step.is_none() => arg_int(vm, step)?,
            _ => 1,
        };
        if step == 1 {
            let start = match &o.kind {
                ObjKind::Slice { start, stop, step } => {
                    vm.slice_indices(start, stop, step, len)?.start as usize
                }
                _ => 0,
            };
            if new.len() != positions.len() {
                check_resizable(vm, &ba)?;
            }
            let mut data = ba.data.borrow_mut();
            let start = start.min(data.len());
            let end = (start + positions.len()).min(data.len());
            data.splice(start..end, new);
            return Ok(Value::None);
        }
        if new.len() != positions.len() {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                positions.len()
            )));
        }
        let mut data = ba.data.borrow_mut();
        for (&i, b) in positions.iter().zip(new) {
            if let Some(slot) = data.get_mut(i) {
                *slot = b;
            }
        }
        return Ok(Value::None);
    }
    let i = vm.seq_position(key, "bytearray")?;
    let b = byte_value(vm, value)?;
    let mut data = ba.data.borrow_mut();
    match crate::vm::subscript::wrap_index(i, data.len()) {
        Some(i) => {
            data[i] = b;
            Ok(Value::None)
        }
        None => {
            drop(data);
            Err(vm.index_error("bytearray index out of range"))
        }
    }
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "__delitem__", args)?;
    check_method_args(vm, "__delitem__", args, 1, 1)?;
    let len = ba.data.borrow().len();
    let positions = match slice_of(vm, &args[1], len)? {
        Some(p) => p,
        None => {
            let i = vm.seq_position(&args[1], "bytearray")?;
            match crate::vm::subscript::wrap_index(i, len) {
                Some(i) => vec![i],
                None => return Err(vm.index_error("bytearray index out of range")),
            }
        }
    };
    if positions.is_empty() {
        return Ok(Value::None);
    }
    check_resizable(vm, &ba)?;
    let mut data = ba.data.borrow_mut();
    let mut drop_at = vec![false; data.len()];
    for i in positions {
        if let Some(d) = drop_at.get_mut(i) {
            *d = true;
        }
    }
    let mut k = 0;
    data.retain(|_| {
        k += 1;
        !drop_at[k - 1]
    });
    Ok(Value::None)
}

fn append(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "append", args)?;
    no_kwargs(vm, "append", kw)?;
    check_method_args(vm, "append", args, 1, 1)?;
    let b = byte_value(vm, &args[1])?;
    check_resizable(vm, &ba)?;
    ba.data.borrow_mut().push(b);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "extend", args)?;
    no_kwargs(vm, "extend", kw)?;
    check_method_args(vm, "extend", args, 1, 1)?;
    if matches!(args[1], Value::Str(_)) {
        return Err(vm.type_error("expected iterable of integers; got: 'str'"));
    }
    if !is_bytes_like(&args[1]) && vm.get_iter(&args[1]).is_err() {
        return Err(vm.type_error(format!(
            "can't extend bytearray with {}",
            vm.type_name(&args[1])
        )));
    }
    let new = bytes_from_iterable(vm, &args[1], BYTE_RANGE)?;
    check_resizable(vm, &ba)?;
    ba.data.borrow_mut().extend(new);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "pop", args)?;
    no_kwargs(vm, "pop", kw)?;
    check_method_args(vm, "pop", args, 0, 1)?;
    let i = match args.get(1) {
        Some(v) => super::arg_ssize(vm, v)?,
        None => -1,
    };
    if ba.data.borrow().is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let len = ba.data.borrow().len();
    let Some(i) = crate::vm::subscript::wrap_index(i, len) else {
        return Err(vm.index_error("pop index out of range"));
    };
    check_resizable(vm, &ba)?;
    let removed = ba.data.borrow_mut().remove(i);
    Ok(Value::Int(removed as i64))
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "remove", args)?;
    no_kwargs(vm, "remove", kw)?;
    check_method_args(vm, "remove", args, 1, 1)?;
    let b = byte_value(vm, &args[1])?;
    let Some(i) = ba.data.borrow().iter().position(|&x| x == b) else {
        return Err(vm.value_error("value not found in bytearray"));
    };
    check_resizable(vm, &ba)?;
    ba.data.borrow_mut().remove(i);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "insert", args)?;
    no_kwargs(vm, "insert", kw)?;
    check_method_args(vm, "insert", args, 2, 2)?;
    let i = super::arg_ssize(vm, &args[1])?;
    let b = byte_value(vm, &args[2])?;
    check_resizable(vm, &ba)?;
    let mut data = ba.data.borrow_mut();
    let len = data.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    data.insert(at as usize, b);
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "clear", args)?;
    check_method_args(vm, "clear", args, 0, 0)?;
    check_resizable(vm, &ba)?;
    ba.data.borrow_mut().clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "copy", args)?;
    check_method_args(vm, "copy", args, 0, 0)?;
    let data = ba.data.borrow().clone();
    Ok(new_bytearray(data))
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "reverse", args)?;
    check_method_args(vm, "reverse", args, 0, 0)?;
    ba.data.borrow_mut().reverse();
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "__len__", args)?;
    let n = ba.data.borrow().len();
    Ok(Value::Int(n as i64))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "__iter__", args)?;
    let t = vm.types.seq_iterator.clone();
    Ok(vm.new_iter(
        &t,
        crate::object::IterState::Seq {
            seq: Value::Obj(ba.0.clone()),
            index: 0,
        },
    ))
}

fn alloc(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let ba = this(vm, "__alloc__", args)?;
    let capacity = ba.data.borrow().capacity();
    Ok(Value::Int(capacity as i64 + 1))
}

/// `a += b` / `a *= n` of a bytearray: in place, None for other operators.
pub fn inplace_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    let Some(ba) = receiver(a) else {
        return Ok(None);
    };
    match op {
        BinOp::Add => {
            let Some(more) = bytes_like(b) else {
                return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(b))));
            };
            if !more.is_empty() {
                check_resizable(vm, &ba)?;
            }
            ba.data.borrow_mut().extend(more);
            Ok(Some(a.clone()))
        }
        BinOp::Mul => {
            let Some(n) = vm.index_value(b)? else {
                return Ok(None);
            };
            let data = ba.data.borrow().clone();
            let repeated = vm.repeat_items(&data, n.max(0) as usize)?;
            if repeated.len() != data.len() {
                check_resizable(vm, &ba)?;
            }
            *ba.data.borrow_mut() = repeated;
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.bytearray.clone();
    super::types::set_native_new(&t, bytearray_new);
    for (name, f) in [
        ("append", append as crate::object::NativeFn),
        ("extend", extend),
        ("pop", pop),
        ("remove", remove),
        ("insert", insert),
        ("clear", clear),
        ("copy", copy),
        ("reverse", reverse),
        ("__alloc__", alloc),
        ("__init__", init),
    ] {
        add_method(vm, &t, name, f);
    }
    for (name, f) in [
        ("__getitem__", getitem as crate::object::NativeFn),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__len__", len),
        ("__iter__", iter),
    ] {
        add_dunder(vm, &t, name, f);
    }
    let k = vm.intern("__hash__");
    t.dict.set_str(k, Value::None);
}
