//! The owner calls of `posix`: `chown` (a path or a descriptor), `lchown`, `fchown`,
//! with CPython's conversion of user and group ids (-1 leaves one unchanged).
//! Depends on core's public API and `libc`.

use super::{arg, check_kwargs, follow_symlinks, int_arg, last_error, path_or_fd_arg};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use tripwire_core::builtins::check_args;
use tripwire_core::modules::math::index_big;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{NativeFn, Value};
use tripwire_core::{PyResult, Vm};

pub(super) const FUNCTIONS: &[(&str, NativeFn)] =
    &[("chown", chown), ("lchown", lchown), ("fchown", fchown)];

/// A uid or gid argument (`what` names it in errors) as CPython converts it: an
/// integer whose C `long` value is -1 or fits the id type, which wraps -1 and
/// its unsigned twin to "unchanged".
fn id_arg(vm: &mut Vm, what: &str, v: &Value) -> PyResult<u32> {
    let index = vm.intern("__index__");
    if vm.type_of(v).lookup(&index).is_none() {
        return Err(vm.type_error(format!("{what} should be integer, not {}", vm.type_name(v))));
    }
    let n: BigInt = index_big(vm, v)?;
    let fits = match n.to_i64() {
        Some(-1) => Some(u32::MAX),
        Some(small) => u32::try_from(small).ok(),
        None if n.is_negative() => None,
        None => return Err(vm.overflow_error(format!("{what} is greater than maximum"))),
    };
    fits.ok_or_else(|| vm.overflow_error(format!("{what} is less than minimum")))
}

/// The uid and gid at positions 1 and 2 (or by keyword).
fn ids(vm: &mut Vm, func: &str, args: &[Value], kw: &[KwArg]) -> PyResult<(u32, u32)> {
    let mut out = [0u32; 2];
    for (i, name) in ["uid", "gid"].into_iter().enumerate() {
        let Some(v) = arg(args, kw, i + 1, name) else {
            return Err(vm.type_error(format!(
                "{func}() missing required argument '{name}' (pos {})",
                i + 2
            )));
        };
        out[i] = id_arg(vm, name, v)?;
    }
    Ok((out[0], out[1]))
}

/// `chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)`; path may be a
/// descriptor.
fn chown(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "chown", kw, &["path", "uid", "gid", "follow_symlinks"])?;
    check_args(vm, "chown", args, 0, 3)?;
    let follow = follow_symlinks(vm, kw)?;
    on_path(vm, "chown", args, kw, follow)
}

/// `lchown(path, uid, gid, *, dir_fd=None)`: the link itself, not what it names.
fn lchown(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "lchown", kw, &["path", "uid", "gid"])?;
    check_args(vm, "lchown", args, 0, 3)?;
    on_path(vm, "lchown", args, kw, false)
}

fn on_path(vm: &mut Vm, func: &str, args: &[Value], kw: &[KwArg], follow: bool) -> PyResult<Value> {
    let Some(path) = arg(args, kw, 0, "path") else {
        return Err(vm.type_error(format!("{func}() missing required argument 'path' (pos 1)")));
    };
    let takes_fd = func == "chown";
    if takes_fd && matches!(path, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        if !follow {
            return Err(vm.value_error("chown: cannot use fd and follow_symlinks together"));
        }
        let fd = int_arg(vm, path)?;
        let (uid, gid) = ids(vm, func, args, kw)?;
        return fd_chown(vm, fd, uid, gid);
    }
    let path = path_or_fd_arg(vm, func, path, takes_fd)?;
    let (uid, gid) = ids(vm, func, args, kw)?;
    // SAFETY: a NUL-terminated path.
    let r = unsafe {
        if follow {
            libc::chown(path.c.as_ptr(), uid, gid)
        } else {
            libc::lchown(path.c.as_ptr(), uid, gid)
        }
    };
    if r < 0 {
        return Err(last_error(vm, Some(&path.obj)));
    }
    Ok(Value::None)
}

/// `fchown(fd, uid, gid)`.
fn fchown(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "fchown", kw, &["fd", "uid", "gid"])?;
    check_args(vm, "fchown", args, 0, 3)?;
    let Some(fd) = arg(args, kw, 0, "fd") else {
        return Err(vm.type_error("fchown() missing required argument 'fd' (pos 1)"));
    };
    let fd = match index_big(vm, fd)?.to_i32() {
        Some(fd) => fd,
        None => return Err(vm.overflow_error("Python int too large to convert to C int")),
    };
    let (uid, gid) = ids(vm, "fchown", args, kw)?;
    fd_chown(vm, fd, uid, gid)
}

fn fd_chown(vm: &mut Vm, fd: i32, uid: u32, gid: u32) -> PyResult<Value> {
    // SAFETY: changing a descriptor's owner has no memory effects here.
    if unsafe { libc::fchown(fd, uid, gid) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}
