//! `sys.stdin`: the console's input stream, read line by line through Rust's shared
//! stdin buffer (the one the `input` builtin reads), so that the two never split a
//! line between them. Depends on core's public API.

use std::io::{BufRead, Read};
use tripwire_core::builtins::{arg_int, check_method_args, native_type, no_kwargs};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{ObjKind, PyCell, Value};
use tripwire_core::{PyResult, Vm};

/// The native part of the stdin object (file descriptor 0): whether `close` was
/// called (which, as in CPython, leaves the descriptor open).
#[derive(Default)]
struct Stdin {
    closed: std::cell::Cell<bool>,
}

/// Run `f` on the receiver's native part (None for another object).
fn with_stdin<R>(args: &[Value], f: impl FnOnce(&Stdin) -> R) -> Option<R> {
    let Some(Value::Obj(o)) = args.first() else {
        return None;
    };
    let ObjKind::Native(cell) = &o.kind else {
        return None;
    };
    let data = cell.borrow();
    (**data).as_any().downcast_ref::<Stdin>().map(f)
}

/// ValueError once the stream is closed.
fn check_open(vm: &Vm, args: &[Value]) -> PyResult<()> {
    if with_stdin(args, |s| s.closed.get()).unwrap_or(false) {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn close(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "close", kw)?;
    check_method_args(vm, "close", args, 0, 0)?;
    with_stdin(args, |s| s.closed.set(true));
    Ok(Value::None)
}

/// The optional size argument of `read` / `readline`; None or negative: no limit.
fn size_arg(vm: &mut Vm, args: &[Value]) -> PyResult<Option<usize>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(usize::try_from(arg_int(vm, v)?).ok()),
    }
}

fn decoded(vm: &mut Vm, bytes: Vec<u8>) -> PyResult<Value> {
    use tripwire_core::builtins::text_codecs::{Codec, Handler};
    tripwire_core::builtins::bytes::decode_native(vm, &bytes, Codec::Utf8, Handler::Strict)
}

/// Read up to `chars` characters (not bytes) from `input`, stopping after a newline
/// when `line` is set.
fn read_chars(input: &mut impl BufRead, chars: usize, line: bool) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    for _ in 0..chars {
        let mut first = [0u8; 1];
        if input.read(&mut first)? == 0 {
            break;
        }
        let width = match first[0] {
            0xf0..=0xff => 4,
            0xe0..=0xef => 3,
            0xc0..=0xdf => 2,
            _ => 1,
        };
        out.push(first[0]);
        input.take(width - 1).read_to_end(&mut out)?;
        if line && first[0] == b'\n' {
            break;
        }
    }
    Ok(out)
}

fn readline(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "readline", kw)?;
    check_method_args(vm, "readline", args, 0, 1)?;
    check_open(vm, args)?;
    let limit = size_arg(vm, args)?;
    vm.flush_stdout()?;
    let mut line = Vec::new();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let read = match limit {
        None => lock.read_until(b'\n', &mut line).map(|_| ()),
        Some(n) => read_chars(&mut lock, n, true).map(|l| line = l),
    };
    read.map_err(|e| vm.io_error(&e))?;
    decoded(vm, line)
}

fn read(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "read", kw)?;
    check_method_args(vm, "read", args, 0, 1)?;
    check_open(vm, args)?;
    let limit = size_arg(vm, args)?;
    vm.flush_stdout()?;
    let mut text = Vec::new();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let read = match limit {
        None => lock.read_to_end(&mut text).map(|_| ()),
        Some(n) => read_chars(&mut lock, n, false).map(|t| text = t),
    };
    read.map_err(|e| vm.io_error(&e))?;
    decoded(vm, text)
}

fn fileno(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "fileno", kw)?;
    check_method_args(vm, "fileno", args, 0, 0)?;
    Ok(Value::Int(0))
}

fn isatty(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "isatty", kw)?;
    check_method_args(vm, "isatty", args, 0, 0)?;
    // SAFETY: isatty only inspects the descriptor.
    Ok(Value::Bool(unsafe { libc::isatty(0) } == 1))
}

fn readable(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "readable", kw)?;
    check_method_args(vm, "readable", args, 0, 0)?;
    Ok(Value::Bool(true))
}

/// Set `sys.stdin` and `sys.__stdin__`.
pub fn install(vm: &mut Vm) {
    let stdin_type = native_type(
        vm,
        "_io",
        "TextIOWrapper",
        true,
        None,
        &[
            ("readline", readline),
            ("read", read),
            ("fileno", fileno),
            ("isatty", isatty),
            ("readable", readable),
            ("close", close),
        ],
    );
    let stdin = Value::obj(
        stdin_type,
        ObjKind::Native(PyCell::new(Box::new(Stdin::default()))),
    );
    for name in ["stdin", "__stdin__"] {
        let key = vm.intern(name);
        vm.sys.dict.set_str(key, stdin.clone());
    }
}
