//! `_posixshmem`: POSIX shared memory objects by name (`shm_open`, `shm_unlink`),
//! what `multiprocessing.shared_memory` and the resource tracker of its spawn and
//! forkserver start methods import. Errors are `OSError`s with the name, as the
//! rest of `posix`'s.

use super::{arg, int_arg, last_error};
use std::ffi::CString;
use tripwire_core::builtins::add_function;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::{PyResult, Vm};

/// The `path` argument (a str only), as a C string.
fn name_arg(vm: &Vm, func: &str, args: &[Value], kw: &[KwArg]) -> PyResult<(CString, Value)> {
    let Some(v) = arg(args, kw, 0, "path") else {
        return Err(vm.type_error(format!("{func}() missing required argument 'path' (pos 1)")));
    };
    let Value::Str(s) = v else {
        return Err(vm.type_error(format!(
            "{func}() argument 'path' must be str, not {}",
            vm.type_name(v)
        )));
    };
    let c = CString::new(s.as_str()).map_err(|_| vm.value_error("embedded null character"))?;
    Ok((c, v.clone()))
}

/// `shm_open(path, flags, mode=0o777)`: a file descriptor.
fn shm_open(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (name, shown) = name_arg(vm, "shm_open", args, kw)?;
    let Some(flags) = arg(args, kw, 1, "flags") else {
        return Err(vm.type_error("shm_open() missing required argument 'flags' (pos 2)"));
    };
    let flags = int_arg(vm, flags)?;
    let mode = match arg(args, kw, 2, "mode") {
        Some(m) => int_arg(vm, m)?,
        None => 0o777,
    };
    let fd = super::files::retrying(vm, Some(&shown), || {
        // SAFETY: a NUL-terminated name and plain integers.
        unsafe { libc::shm_open(name.as_ptr(), flags, mode as libc::mode_t) as isize }
    })?;
    Ok(Value::Int(fd as i64))
}

/// `shm_unlink(path)`.
fn shm_unlink(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (name, shown) = name_arg(vm, "shm_unlink", args, kw)?;
    // SAFETY: a NUL-terminated name.
    if unsafe { libc::shm_unlink(name.as_ptr()) } != 0 {
        return Err(last_error(vm, Some(&shown)));
    }
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_posixshmem", "shm_open", shm_open);
    add_function(vm, d, "_posixshmem", "shm_unlink", shm_unlink);
    Ok(())
}
