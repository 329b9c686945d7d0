//! The rest of `sys.stdout` / `sys.stderr` beyond `write` and `flush`: what
//! CPython's TextIOWrapper over file descriptor 1 or 2 answers (`fileno`, `isatty`,
//! `encoding`, `errors`, `name`, `mode` ...) and `buffer`, a binary writer whose
//! bytes go out after the text written before them. Depends on the parent's stream
//! objects and the VM's output buffer.

use super::{stream_of, Stream};
use crate::builtins::{add_method, check_method_args, native_function, native_type};
use crate::object::function::KwArg;
use crate::object::{NativeFn, ObjKind, PyCell, TypeRef, Value};
use crate::vm::{PyResult, Vm};
use std::io::Write;

/// The native part of a stream's `buffer`.
#[derive(Clone, Copy)]
struct Buffer(Stream);

fn fd_of(stream: Stream) -> i32 {
    match stream {
        Stream::Stdout => 1,
        Stream::Stderr => 2,
    }
}

/// The stream of a text stream or of its buffer (`args[0]`).
fn receiver(args: &[Value]) -> Option<Stream> {
    let v = args.first()?;
    if let Some(stream) = stream_of(v) {
        return Some(stream);
    }
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Native(d) => (**d.borrow())
                .as_any()
                .downcast_ref::<Buffer>()
                .map(|b| b.0),
            _ => None,
        },
        _ => None,
    }
}

fn fileno(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "fileno", args, 0, 0)?;
    Ok(Value::Int(receiver(args).map_or(1, fd_of) as i64))
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "isatty", args, 0, 0)?;
    let fd = receiver(args).map_or(1, fd_of);
    // SAFETY: no memory is passed.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn always(vm: &mut Vm, name: &str, args: &[Value], answer: bool) -> PyResult<Value> {
    check_method_args(vm, name, args, 0, 0)?;
    Ok(Value::Bool(answer))
}

fn writable(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    always(vm, "writable", args, true)
}

fn readable(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    always(vm, "readable", args, false)
}

/// `seekable()`: whether the descriptor can seek (a file can, a pipe or terminal
/// cannot), as CPython's FileIO finds out.
fn seekable(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "seekable", args, 0, 0)?;
    let fd = receiver(args).map_or(1, fd_of);
    // SAFETY: no memory is passed; the position does not move.
    Ok(Value::Bool(
        unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) } != -1,
    ))
}

/// `name`: `<stdout>` or `<stderr>`.
fn name(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "name", args, 0, 0)?;
    Ok(Value::str(match receiver(args) {
        Some(Stream::Stderr) => "<stderr>",
        _ => "<stdout>",
    }))
}

/// `errors`: stderr escapes what it cannot encode, as CPython's does.
fn errors(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "errors", args, 0, 0)?;
    Ok(Value::str(match receiver(args) {
        Some(Stream::Stderr) => "backslashreplace",
        _ => "strict",
    }))
}

/// `buffer`: the binary writer under the stream.
fn buffer(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "buffer", args, 0, 0)?;
    let stream = receiver(args).unwrap_or(Stream::Stdout);
    let Some(t) = BUFFER_TYPE.with(|t| t.borrow().clone()) else {
        return Err(vm.runtime_error("sys streams are not initialised"));
    };
    Ok(Value::obj(
        t,
        ObjKind::Native(PyCell::new(Box::new(Buffer(stream)))),
    ))
}

/// `buffer.write(b)`: the bytes, after the text written before them.
fn buffer_write(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "write", args, 1, 1)?;
    let Some(data) = crate::builtins::bytearray::bytes_like(&args[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[1])
        )));
    };
    match receiver(args) {
        Some(Stream::Stderr) => {
            vm.flush_stdout_quietly();
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(&data);
            let _ = err.flush();
        }
        _ => vm.write_stdout_bytes(&data)?,
    }
    Ok(Value::Int(data.len() as i64))
}

fn buffer_flush(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "flush", args, 0, 0)?;
    vm.flush_stdout()?;
    Ok(Value::None)
}

thread_local! {
    /// The type of stream buffers (one interpreter per thread).
    static BUFFER_TYPE: std::cell::RefCell<Option<TypeRef>> =
        const { std::cell::RefCell::new(None) };
}

/// A read-only property computed by `getter`.
fn property(vm: &Vm, attribute: &'static str, getter: NativeFn) -> Value {
    Value::obj(
        vm.types.property.clone(),
        ObjKind::Property {
            fget: native_function("TextIOWrapper", attribute, getter),
            fset: Value::None,
            fdel: Value::None,
            doc: PyCell::new(Value::None),
        },
    )
}

/// Give the stream type `t` its other methods and attributes, and make the type
/// of buffers.
pub(super) fn install(vm: &mut Vm, t: &TypeRef) {
    let common: &[(&str, NativeFn)] = &[
        ("fileno", fileno),
        ("isatty", isatty),
        ("writable", writable),
        ("readable", readable),
        ("seekable", seekable),
    ];
    for (method, f) in common {
        add_method(vm, t, method, *f);
    }
    let plain = [
        ("encoding", Value::str("utf-8")),
        ("mode", Value::str("w")),
        ("line_buffering", Value::Bool(false)),
        ("closed", Value::Bool(false)),
        ("newlines", Value::None),
    ];
    for (key, value) in plain {
        t.dict.set_str(vm.intern(key), value);
    }
    let computed: &[(&'static str, NativeFn)] =
        &[("name", name), ("errors", errors), ("buffer", buffer)];
    for (key, getter) in computed {
        let p = property(vm, key, *getter);
        t.dict.set_str(vm.intern(key), p);
    }
    let buffer_type = native_type(
        vm,
        "_io",
        "BufferedWriter",
        true,
        None,
        &[("write", buffer_write), ("flush", buffer_flush)],
    );
    for (method, f) in common {
        add_method(vm, &buffer_type, method, *f);
    }
    let p = property(vm, "name", name);
    buffer_type.dict.set_str(vm.intern("name"), p);
    buffer_type
        .dict
        .set_str(vm.intern("closed"), Value::Bool(false));
    BUFFER_TYPE.with(|slot| *slot.borrow_mut() = Some(buffer_type));
}
