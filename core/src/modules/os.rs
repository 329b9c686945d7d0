//! The native `_os` module under the bundled `os`: the working directory,
//! directory listing, a minimal `_stat`, the environment snapshot, the process
//! id, creating/removing/renaming files and directories, and the POSIX path
//! constants.

use crate::builtins::repr::str_repr;
use crate::builtins::{add_function, check_args, no_kwargs};
use crate::object::function::KwArg;
use crate::object::{Dict, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// The OS's text for an error, without Rust's " (os error N)" suffix.
fn strerror(e: &std::io::Error) -> String {
    let text = e.to_string();
    match e.raw_os_error() {
        Some(n) => {
            let suffix = format!(" (os error {n})");
            text.strip_suffix(&suffix).unwrap_or(&text).to_string()
        }
        None => text,
    }
}

/// An `OSError` (of the subclass for its errno) worded as CPython's:
/// `[Errno 2] No such file or directory: 'x'`, with `errno`, `strerror`,
/// `filename` (and `filename2`) set on the instance.
fn os_error(vm: &Vm, e: &std::io::Error, path: &str, path2: Option<&str>) -> PyErr {
    let errno = e.raw_os_error();
    let msg = strerror(e);
    // The subclass CPython's OSError constructor picks for the errno.
    let cls = match errno {
        Some(1 | 13) => &vm.types.permission_error,
        Some(2) => &vm.types.file_not_found_error,
        Some(17) => &vm.types.file_exists_error,
        Some(20) => &vm.types.not_a_directory_error,
        Some(21) => &vm.types.is_a_directory_error,
        _ => &vm.types.os_error,
    }
    .clone();
    let text = match (errno, path2) {
        (Some(n), Some(p2)) => format!("[Errno {n}] {msg}: {} -> {}", str_repr(path), str_repr(p2)),
        (Some(n), None) => format!("[Errno {n}] {msg}: {}", str_repr(path)),
        (None, _) => msg.clone(),
    };
    let exc = vm.new_exception(&cls, vec![Value::from_string(text)]);
    if let Value::Instance(i) = &exc {
        if let Some(d) = &i.dict {
            let errno_v = errno.map_or(Value::None, |n| Value::Int(n as i64));
            d.set_str(vm.intern("errno"), errno_v);
            d.set_str(vm.intern("strerror"), Value::from_string(msg));
            d.set_str(vm.intern("filename"), Value::str(path));
            d.set_str(
                vm.intern("filename2"),
                path2.map_or(Value::None, Value::str),
            );
        }
    }
    PyErr::from_value(exc)
}

/// The path argument `v` of `func`, which must be a str.
fn path_arg(vm: &Vm, func: &str, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        other => Err(vm.type_error(format!(
            "{func}: path should be string, bytes or os.PathLike, not {}",
            vm.type_name(other)
        ))),
    }
}

fn getcwd(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "getcwd", kw)?;
    check_args(vm, "getcwd", args, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(Value::from_string(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error(vm, &e, ".", None)),
    }
}

fn listdir(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "listdir", kw)?;
    check_args(vm, "listdir", args, 0, 1)?;
    let path = match args.first() {
        None | Some(Value::None) => ".".to_string(),
        Some(v) => path_arg(vm, "listdir", v)?,
    };
    let rd = std::fs::read_dir(&path).map_err(|e| os_error(vm, &e, &path, None))?;
    let mut names = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| os_error(vm, &e, &path, None))?;
        names.push(Value::from_string(
            entry.file_name().to_string_lossy().into_owned(),
        ));
    }
    Ok(Value::list(names))
}

/// `_stat(path)` -> `(kind, size, mtime)`, kind being 'file', 'dir' or 'other';
/// symbolic links are followed.
fn stat(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "stat", kw)?;
    check_args(vm, "stat", args, 1, 1)?;
    let path = path_arg(vm, "stat", &args[0])?;
    let md = std::fs::metadata(&path).map_err(|e| os_error(vm, &e, &path, None))?;
    let kind = if md.is_file() {
        "file"
    } else if md.is_dir() {
        "dir"
    } else {
        "other"
    };
    let mtime = match md.modified() {
        Ok(t) => match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_secs_f64(),
            Err(e) => -e.duration().as_secs_f64(),
        },
        Err(_) => 0.0,
    };
    let size = i64::try_from(md.len()).unwrap_or(i64::MAX);
    Ok(Value::tuple(vec![
        Value::str(kind),
        Value::Int(size),
        Value::Float(mtime),
    ]))
}

fn getpid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "getpid", kw)?;
    check_args(vm, "getpid", args, 0, 0)?;
    Ok(Value::Int(std::process::id() as i64))
}

fn mkdir(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "mkdir", kw)?;
    check_args(vm, "mkdir", args, 1, 2)?;
    let path = path_arg(vm, "mkdir", &args[0])?;
    let mode = match args.get(1) {
        None => 0o777,
        Some(Value::Int(m)) => {
            u32::try_from(*m).map_err(|_| vm.overflow_error("mode is out of range"))?
        }
        Some(other) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    let mut b = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    b.create(&path).map_err(|e| os_error(vm, &e, &path, None))?;
    Ok(Value::None)
}

/// A call taking one path and running `op` on it (`remove`, `unlink`, `rmdir`).
fn on_path(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[KwArg],
    op: fn(&str) -> std::io::Result<()>,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    check_args(vm, name, args, 1, 1)?;
    let path = path_arg(vm, name, &args[0])?;
    op(&path).map_err(|e| os_error(vm, &e, &path, None))?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    on_path(vm, "remove", args, kw, |p| std::fs::remove_file(p))
}

fn unlink(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    on_path(vm, "unlink", args, kw, |p| std::fs::remove_file(p))
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    on_path(vm, "rmdir", args, kw, |p| std::fs::remove_dir(p))
}

fn rename(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "rename", kw)?;
    check_args(vm, "rename", args, 2, 2)?;
    let src = path_arg(vm, "rename", &args[0])?;
    let dst = path_arg(vm, "rename", &args[1])?;
    std::fs::rename(&src, &dst).map_err(|e| os_error(vm, &e, &src, Some(&dst)))?;
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("getcwd", getcwd),
        ("listdir", listdir),
        ("_stat", stat),
        ("getpid", getpid),
        ("mkdir", mkdir),
        ("remove", remove),
        ("unlink", unlink),
        ("rmdir", rmdir),
        ("rename", rename),
    ];
    for (name, f) in fns {
        add_function(vm, d, "_os", name, *f);
    }
    let env = Dict::new_rc();
    for (k, v) in std::env::vars_os() {
        if let (Some(k), Some(v)) = (k.to_str(), v.to_str()) {
            env.set_str(
                std::rc::Rc::new(crate::object::PyStr::new(k)),
                Value::str(v),
            );
        }
    }
    d.set_str(vm.intern("environ"), Value::Dict(env));
    let consts = [
        ("name", "posix"),
        ("sep", "/"),
        ("altsep", ""),
        ("linesep", "\n"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ];
    for (k, v) in consts {
        let val = if k == "altsep" {
            Value::None
        } else {
            Value::str(v)
        };
        d.set_str(vm.intern(k), val);
    }
    Ok(())
}
