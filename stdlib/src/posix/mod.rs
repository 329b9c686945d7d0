//! `_posixcall`: the native half of `posix` (the Python half, `py/posix.py`, builds
//! `stat_result`, `DirEntry`, `scandir` and `environ` over it). Calls go straight to
//! libc; an error is CPython's `OSError` subclass for the errno, with the file names
//! the caller passed. This file holds the argument and error conventions every call
//! shares, and the module's table; the calls live in `files` (file descriptors),
//! `paths` (the file system by name), `ownership` (chown and its kin), `process` (the process and its environment)
//! and `fork`; `shared_memory` is `_posixshmem`.
//! Depends on core's public API and `libc`.

mod files;
pub(crate) mod fork;
mod ownership;
mod paths;
mod process;
pub(crate) mod shared_memory;

use std::ffi::CString;
use std::rc::Rc;
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::text_codecs::{self, Codec, Handler};
use tripwire_core::builtins::{add_function, arg_int};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{wtf8, Dict, NativeFn, PyStr, Value};
use tripwire_core::{PyErr, PyResult, Vm};

/// A path argument made ready for libc: the C string, the object the caller passed
/// (error messages name it), and whether it was bytes (results then are bytes too).
pub(crate) struct PathArg {
    pub c: CString,
    pub obj: Value,
    pub is_bytes: bool,
}

/// The str or bytes of `v`, or of what its `__fspath__` returns; `None` when `v` is
/// neither nor path-like.
fn fspath_of(vm: &mut Vm, v: &Value) -> PyResult<Option<(Vec<u8>, bool)>> {
    if let Value::Str(s) = v {
        return Ok(Some((fs_encoded(vm, s)?, false)));
    }
    if let Some(b) = bytes_like(v).filter(|_| is_bytes(vm, v)) {
        return Ok(Some((b, true)));
    }
    let name = vm.intern("__fspath__");
    let Value::Instance(_) = v else {
        return Ok(None);
    };
    let Some(method) = vm.get_attr_opt(v, &name)? else {
        return Ok(None);
    };
    let r = vm.call(&method, &[], &[])?;
    match &r {
        Value::Str(s) => Ok(Some((fs_encoded(vm, s)?, false))),
        _ if is_bytes(vm, &r) => Ok(bytes_like(&r).map(|b| (b, true))),
        _ => Err(vm.type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm.type_name(v),
            vm.type_name(&r)
        ))),
    }
}

/// Whether `v` is a bytes object (not a bytearray or memoryview).
pub(crate) fn is_bytes(vm: &Vm, v: &Value) -> bool {
    vm.type_name(v) == "bytes"
}

/// The path argument of `func`, CPython's errors for anything else.
pub(crate) fn path_arg(vm: &mut Vm, func: &str, v: &Value) -> PyResult<PathArg> {
    path_or_fd_arg(vm, func, v, false)
}

/// The path argument of a call that also takes a descriptor (`or_fd`; the caller
/// handles ints), for the wording of the error.
pub(crate) fn path_or_fd_arg(vm: &mut Vm, func: &str, v: &Value, or_fd: bool) -> PyResult<PathArg> {
    let Some((raw, is_bytes)) = fspath_of(vm, v)? else {
        let kinds = if or_fd {
            "string, bytes, os.PathLike or integer"
        } else {
            "string, bytes or os.PathLike"
        };
        return Err(vm.type_error(format!(
            "{func}: path should be {kinds}, not {}",
            vm.type_name(v)
        )));
    };
    let c = CString::new(raw).map_err(|_| {
        let what = if is_bytes { "byte" } else { "character" };
        vm.value_error(format!("{func}: embedded null {what} in path"))
    })?;
    Ok(PathArg {
        c,
        obj: v.clone(),
        is_bytes,
    })
}

/// A file name the OS gave, as the caller's kind: bytes, or str decoded from UTF-8
/// with surrogateescape, as CPython's `os.fsdecode`.
pub(crate) fn name_value(raw: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        new_bytes(raw.to_vec())
    } else {
        Value::from_wtf8(wtf8::from_bytes_escaped(raw))
    }
}

/// The bytes of a str path, as CPython's `os.fsencode` makes them (UTF-8 with
/// surrogateescape): a surrogate that stands for no byte is UnicodeEncodeError.
pub(crate) fn fs_encoded(vm: &Vm, s: &Rc<PyStr>) -> PyResult<Vec<u8>> {
    if !s.has_surrogates() {
        return Ok(s.as_str().as_bytes().to_vec());
    }
    text_codecs::encode(s, Codec::Utf8, Handler::SurrogateEscape)
        .map_err(|e| vm.unicode_encode_error("utf-8", s, &e))
}

/// The OS's text for `errno`, without Rust's " (os error N)" suffix.
pub(crate) fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    let suffix = format!(" (os error {errno})");
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}

/// `OSError(errno, strerror[, filename[, None, filename2]])`: CPython's constructor
/// picks the subclass for the errno (FileNotFoundError ...) and words the message.
pub(crate) fn errno_error(
    vm: &mut Vm,
    errno: i32,
    filename: Option<&Value>,
    filename2: Option<&Value>,
) -> PyErr {
    let mut args = vec![
        Value::Int(errno as i64),
        Value::from_string(strerror(errno)),
    ];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(Value::None);
            args.push(f2.clone());
        }
    }
    let cls = Value::Type(vm.types.os_error.clone());
    match vm.call(&cls, &args, &[]) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// The error of the libc call that just failed.
pub(crate) fn last_error(vm: &mut Vm, filename: Option<&Value>) -> PyErr {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    errno_error(vm, errno, filename, None)
}

/// A C int argument (a file descriptor, flags, a mode).
pub(crate) fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = arg_int(vm, v)?;
    i32::try_from(n).map_err(|_| {
        let side = if n < 0 {
            "less than minimum"
        } else {
            "greater than maximum"
        };
        vm.overflow_error(format!("signed integer is {side}"))
    })
}

/// The positional-or-keyword argument `name` at `index`, if given.
pub(crate) fn arg<'a>(
    args: &'a [Value],
    kw: &'a [KwArg],
    index: usize,
    name: &str,
) -> Option<&'a Value> {
    args.get(index)
        .or_else(|| kw.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| v))
}

/// Reject keywords other than `allowed`, and a `dir_fd` other than None (tripwire
/// reports no `*at` functions in `_have_functions`, so CPython's library never passes
/// one).
pub(crate) fn check_kwargs(vm: &Vm, func: &str, kw: &[KwArg], allowed: &[&str]) -> PyResult<()> {
    for (k, v) in kw {
        let k = k.as_str();
        if k == "dir_fd" {
            if !v.is_none() {
                return Err(vm.new_error(
                    &vm.types.not_implemented_error.clone(),
                    &format!("{func}: dir_fd unavailable on this platform"),
                ));
            }
        } else if !allowed.contains(&k) {
            return Err(vm.type_error(format!("{func}() got an unexpected keyword argument '{k}'")));
        }
    }
    Ok(())
}

/// Whether the `follow_symlinks` keyword (default True) is true.
pub(crate) fn follow_symlinks(vm: &mut Vm, kw: &[KwArg]) -> PyResult<bool> {
    match kw.iter().find(|(k, _)| k.as_str() == "follow_symlinks") {
        Some((_, v)) => vm.truthy(v),
        None => Ok(true),
    }
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let tables: [&[(&'static str, NativeFn)]; 5] = [
        files::FUNCTIONS,
        paths::FUNCTIONS,
        ownership::FUNCTIONS,
        process::FUNCTIONS,
        fork::FUNCTIONS,
    ];
    for table in tables {
        for (name, f) in table {
            add_function(vm, d, "posix", name, *f);
        }
    }
    for (name, value) in files::CONSTANTS
        .iter()
        .chain(paths::CONSTANTS)
        .chain(process::CONSTANTS)
    {
        let key = vm.intern(name);
        d.set_str(key, Value::Int(*value));
    }
    Ok(())
}
